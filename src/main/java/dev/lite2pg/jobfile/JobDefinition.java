package dev.lite2pg.jobfile;

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
 * @param schemaLocations Flyway locations of the target schema's migrations, as written
 * @param chunkSize rows per transaction
 * @param naiveTimezone the zone meant by a timestamp without offset when it goes into a timestamptz column
 * @param repositorySchema the schema holding Spring Batch's job repository
 * @param output the folder under which each run writes its report folder
 * @param metrics where the run's metrics are pushed, besides its folder
 */
public record JobDefinition(String name, SourceSpec source, TargetSpec target, List<String> schemaLocations,
                            MappingSpec mapping, int chunkSize, ZoneId naiveTimezone, String repositorySchema,
                            Path output, MetricsSpec metrics) {
    public static final int DEFAULT_CHUNK_SIZE = 5000;
    public static final String DEFAULT_TARGET_SCHEMA = "public";
    public static final String DEFAULT_REPOSITORY_SCHEMA = "lite2pg";
    public static final Path DEFAULT_OUTPUT = Path.of("runs");
    public static final ZoneId DEFAULT_NAIVE_TIMEZONE = ZoneId.of("UTC");

    public JobDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        schemaLocations = List.copyOf(schemaLocations);
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(naiveTimezone, "naiveTimezone");
        Objects.requireNonNull(repositorySchema, "repositorySchema");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * This job with command-line options applied: they win over the file, and a null keeps the file's value.
     * The new values pass the same checks as the file's, so an override cannot smuggle in what the file may not hold.
     *
     * @throws Lite2pgException with {@link ErrorCode#USAGE}, listing every refused value
     */
    public JobDefinition withOverrides(Path sourcePath, String targetUrl, String targetSchema) {
        List<String> problems = new ArrayList<>();
        if (targetUrl != null) {
            JobRules.targetUrl(targetUrl).ifPresent(p -> problems.add("target URL (command line): " + p));
        }
        if (targetSchema != null) {
            if (targetSchema.isBlank()) {
                problems.add("target schema (command line): must not be empty");
            } else {
                if (JobRules.schemasApart(targetSchema, repositorySchema).isPresent()) {
                    problems.add("target schema (command line): '" + targetSchema
                            + "' is the job file's repository-schema; choose another schema or change repository-schema");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Lite2pgException(ErrorCode.USAGE, String.join("\n", problems));
        }
        SourceSpec newSource = sourcePath == null ? source : new SourceSpec(sourcePath);
        TargetSpec newTarget = new TargetSpec(targetUrl == null ? target.url() : targetUrl, target.user(),
                targetSchema == null ? target.schema() : targetSchema);
        return new JobDefinition(name, newSource, newTarget, schemaLocations, mapping, chunkSize, naiveTimezone,
                repositorySchema, output, metrics);
    }
}
