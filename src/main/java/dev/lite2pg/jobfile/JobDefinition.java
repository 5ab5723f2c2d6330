package dev.lite2pg.jobfile;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A checked, immutable job: built only by {@link JobFileLoader} (and {@link #withOverrides}), so holding one
 * means every value has passed validation.
 *
 * @param name part of the job's identity in the job repository
 * @param schema the {@code schema} section: Flyway's migrations, or a schema already there
 * @param chunkSize rows per transaction
 * @param conversions the {@code conversions} section: how dates, times and epoch numbers are read
 * @param repositorySchema the schema holding Spring Batch's job repository
 * @param output the folder under which each run writes its report folder
 * @param metrics where the run's metrics are pushed, besides its folder
 * @param onBadRow what happens to a row that cannot be copied exactly
 * @param orphans what happens to a copied row whose parent row is not in the target
 * @param verify the job's own checks, run on the snapshot and on the target after the copy; part of the verdict
 */
public record JobDefinition(
        String name,
        SourceSpec source,
        TargetSpec target,
        SchemaSpec schema,
        MappingSpec mapping,
        int chunkSize,
        ConversionOptions conversions,
        String repositorySchema,
        Path output,
        MetricsSpec metrics,
        BadRowPolicy onBadRow,
        OrphanPolicies orphans,

        List<VerifyQuery> verify) {
    public static final int DEFAULT_CHUNK_SIZE = 5000;
    public static final String DEFAULT_TARGET_SCHEMA = "public";
    public static final String DEFAULT_REPOSITORY_SCHEMA = "lite2pg";
    public static final Path DEFAULT_OUTPUT = Path.of("runs");
    public static final ZoneId DEFAULT_NAIVE_TIMEZONE = ZoneId.of("UTC");
    public static final String DRY_RUN_SUFFIX = ".dry-run";

    public JobDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(conversions, "conversions");
        Objects.requireNonNull(repositorySchema, "repositorySchema");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(onBadRow, "onBadRow");
        Objects.requireNonNull(orphans, "orphans");
        verify = List.copyOf(verify);
    }

    /**
     * This job with command-line options applied: they win over the file, and a null keeps the file's value.
     * The new values pass the same checks as the file's, so an override cannot smuggle in what the file may not hold.
     *
     * @throws Lite2pgException with {@link ErrorCode#USAGE}, listing every refused value
     */
    public JobDefinition withOverrides(Path sourcePath, String targetUrl, String targetSchema) {
        return withOverrides(sourcePath, targetUrl, null, targetSchema);
    }

    /** @param targetUser null keeps the file's user; with a URL but no user anywhere, {@value TargetSpec#DEFAULT_USER} */
    public JobDefinition withOverrides(Path sourcePath, String targetUrl, String targetUser, String targetSchema) {
        return withOverrides(new JobOverrides(sourcePath, targetUrl, targetUser, targetSchema));
    }

    /** As above; a postgresql:// URI becomes the pgjdbc URL, and its user counts when no user is given beside it. */
    public JobDefinition withOverrides(JobOverrides overrides) {
        Path sourcePath = overrides.source();
        String targetUrl = overrides.targetUrl();
        String targetUser = overrides.targetUser();
        String targetSchema = overrides.targetSchema();
        List<String> problems = new ArrayList<>();
        if (targetUrl != null) {
            JobRules.targetUrl(targetUrl).ifPresent(p -> problems.add("target URL (command line): " + p));
        }
        if (targetSchema != null) {
            if (targetSchema.isBlank()) {
                problems.add("target schema (command line): must not be empty");
            } else {
                if (JobRules.schemasApart(targetSchema, repositorySchema).isPresent()) {
                    problems.add(
                            "target schema (command line): '" + targetSchema
                                    + "' is the job file's repository-schema; choose another schema or change repository-schema");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Lite2pgException(ErrorCode.USAGE, String.join("\n", problems));
        }
        // A path on the command line means the working directory's; made absolute, it means the same on a resume
        // from another folder.
        SourceSpec newSource = sourcePath == null
                ? source
                : new SourceSpec(sourcePath.toAbsolutePath().normalize(), source.integrityCheck());
        if (targetUrl != null && PostgresUri.isUri(targetUrl)) {
            PostgresUri uri = PostgresUri.parse(targetUrl);
            targetUrl = uri.jdbcUrl();
            targetUser = targetUser != null ? targetUser : uri.user().orElse(null);
        }
        String url = targetUrl == null ? target.url() : targetUrl;
        String user = targetUser != null
                ? targetUser
                : target.user() != null ? target.user() : url == null ? null : TargetSpec.DEFAULT_USER;
        TargetSpec newTarget = new TargetSpec(url, user, targetSchema == null ? target.schema() : targetSchema);
        return new JobDefinition(
                name,
                newSource,
                newTarget,
                schema,
                mapping,
                chunkSize,
                conversions,
                repositorySchema,
                output,
                metrics,
                onBadRow,
                orphans,
                verify);
    }

    /**
     * The job a dry-run runs: its own name, so its runs never mix with the cutover's in the job repository or the
     * output folder, and every bad row quarantined, so that one rehearsal finds all of them.
     */
    public JobDefinition asDryRun() {
        return new JobDefinition(
                name + DRY_RUN_SUFFIX,
                source,
                target,
                schema,
                mapping,
                chunkSize,
                conversions,
                repositorySchema,
                output,
                metrics,
                BadRowPolicy.QUARANTINE,
                orphans.rehearsed(),
                verify);
    }

    /** This job pointed at another server (an embedded or scratch PostgreSQL), everything else unchanged. */
    public JobDefinition withTarget(String url, String user) {
        return new JobDefinition(
                name,
                source,
                new TargetSpec(url, user, target.schema()),
                schema,
                mapping,
                chunkSize,
                conversions,
                repositorySchema,
                output,
                metrics,
                onBadRow,
                orphans,
                verify);
    }

    /** The zone meant by a timestamp without offset when it goes into a timestamptz column. */
    public ZoneId naiveTimezone() {
        return conversions.naiveZone();
    }

    /** The target server, or a usage error naming both ways to give one. */
    public TargetSpec requireTargetServer(String command) {
        if (!target.hasServer()) {
            throw new Lite2pgException(
                    ErrorCode.USAGE,
                    command + " needs a target: the job file has no target section; add"
                            + " target: { url: jdbc:postgresql://HOST/DB, user: NAME }, set "
                            + TargetCredentials.URL_VARIABLE
                            + " or give --target-url");
        }
        return target;
    }
}
