package dev.lite2pg.check;

import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.OrphanPolicies;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.postgres.PostgresCatalog;
import dev.lite2pg.postgres.SchemaDump;
import dev.lite2pg.postgres.SchemaMigrator;
import dev.lite2pg.postgres.ScratchTarget;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.sqlite.IntegrityCheck;
import dev.lite2pg.sqlite.SqliteSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code lite2pg check}: the job's migrations (or, with schema.migrate: false, the target schema's own definitions, read
 * from it read-only) applied to a database that is not the target (an embedded server, or a scratch database on the
 * job's server), then every value of the source read and converted against that schema, and
 * every row that converts copied into it, so that what only PostgreSQL refuses is listed too. Nothing is written
 * anywhere but that scratch database and the check's own folder. The source file is only ever opened read-only.
 */
public final class JobCheck {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** @param folder {@code <output>/<job>/check-<timestamp>/}, holding check.json and, if any, bad-values.csv */
    public record Outcome(CheckReport report, ScanResult scan, Path folder) {}

    private JobCheck() {}

    /** What a check without the load says: what it did not look for, and what that means for the cutover. */
    public static final String NOT_LOADED_WARNING = "rows not loaded into the scratch schema (--no-load): rows that"
            + " CHECK or domain constraints, unique indexes or enum labels refuse were not looked for; the cutover"
            + " stops at the first one (run check without --no-load to list them all)";

    /**
     * @param load whether the rows that convert are copied into the scratch schema, so that what only PostgreSQL
     *     refuses is found too
     * @param say one progress line at a time, for the console
     */
    public static Outcome run(
            JobDefinition job, TargetCredentials credentials, int parallelism, boolean load, Consumer<String> say) {
        String started = OffsetDateTime.now().toString();
        Path folder = job.output()
                .resolve(job.name())
                .resolve("check-" + LocalDateTime.now().format(FOLDER));
        Path source = job.source().path();
        String schema = job.target().schema();
        String sha256 = SourceFingerprint.sha256(source);
        List<SourceTable> sourceTables;
        IntegrityCheck check = job.source().integrityCheck();
        try (SqliteSource sqlite = SqliteSource.open(source)) {
            List<String> damage = sqlite.integrityProblems(check);
            if (!damage.isEmpty()) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "source " + source + " fails PRAGMA " + check.pragma() + ", so its"
                                + " values cannot be trusted to read back: "
                                + String.join("; ", damage.subList(0, Math.min(10, damage.size()))));
            }
            sourceTables = sqlite.tables();
        }
        say.accept("source " + source + " (file sha256 " + sha256 + "): " + check.pragma() + " ok, opened read-only");

        List<TargetTable> targetTables;
        String target;
        Scanned scanned;
        if (!job.schema().migrate() && !load) {
            targetTables = existingSchema(job, credentials);
            target = job.target().redactedUrl();
            say.accept("target schema " + schema + ": read as it is on " + target
                    + " (schema.migrate: false), read-only: nothing is written there");
            scanned = scan(job, sourceTables, targetTables, folder, parallelism, say, target, null);
        } else if (!job.schema().migrate()) {
            existingSchema(job, credentials);
            String dump = SchemaDump.read(job.target(), credentials, schema, NO_LOAD);
            try (ScratchTarget scratch = ScratchTarget.onServer(job.target(), credentials, "check")) {
                target = scratch.description();
                SchemaDump.apply(scratch.dataSource(), target, schema, dump, NO_LOAD);
                say.accept("target schema " + schema + ": read as it is on "
                        + job.target().redactedUrl()
                        + " (schema.migrate: false, pg_dump --schema-only), read-only: nothing is written there;"
                        + " its definitions built in " + target);
                targetTables = catalog(scratch.dataSource(), target, schema);
                // Loaded like a Flyway-built scratch schema: CHECK, unique, enum and domain refusals are PostgreSQL's.
                scanned = scan(job, sourceTables, targetTables, folder, parallelism, say, target, scratch.dataSource());
            }
            say.accept("scratch database dropped");
        } else {
            try (ScratchTarget scratch = job.target().hasServer()
                    ? ScratchTarget.onServer(job.target(), credentials, "check")
                    : ScratchTarget.embedded()) {
                target = scratch.description();
                say.accept("target schema " + schema + ": migrations applied to " + target + ", not to any target: "
                        + migrate(job, scratch));
                targetTables = catalog(scratch.dataSource(), scratch.description(), schema);
                // The scratch schema stays up for the load: CHECK, unique, enum and domain refusals are PostgreSQL's.
                scanned = scan(
                        job,
                        sourceTables,
                        targetTables,
                        folder,
                        parallelism,
                        say,
                        target,
                        load ? scratch.dataSource() : null);
            }
            say.accept(job.target().hasServer() ? "scratch database dropped" : "embedded PostgreSQL stopped");
        }

        CopyPlan plan = scanned.plan();
        ScanResult scan = scanned.scan();
        // Orphans are judged as the cutover will, key by key: only a key under orphans: fail (or set-null on a NOT
        // NULL column) refuses them, and an override naming no copied foreign key is refused as the cutover does.
        OrphanPolicies orphans = job.orphans();
        List<String> orphanProblems = new ArrayList<>(OrphanJudgement.setNullRefusals(plan, scan.orphans(), orphans));
        List<String> unknown = orphans.unknownOverrides(plan.foreignKeys());
        if (!unknown.isEmpty()) {
            orphanProblems.add(
                    "orphans.foreign-keys names no foreign key of the copied tables: " + String.join(", ", unknown));
        }
        boolean refused = !scan.valueProblems().isEmpty() || OrphanJudgement.failing(plan, scan.orphans(), orphans) > 0;
        boolean passed = !refused && orphanProblems.isEmpty() && !plan.mapping().hasProblems();
        List<String> warnings = new ArrayList<>(scan.warnings());
        if (orphanProblems.isEmpty()) {
            warnings.addAll(OrphanJudgement.warnings(plan, scan.orphans(), orphans));
        }
        if (!load) {
            warnings.add(0, NOT_LOADED_WARNING);
        }
        CheckReport report = new CheckReport(
                job.name(),
                source.toString(),
                sha256,
                target,
                schema,
                started,
                OffsetDateTime.now().toString(),
                parallelism,
                !passed ? Verdict.FAIL : warnings.isEmpty() ? Verdict.PASS : Verdict.PASS_WITH_WARNINGS,
                plan.mapping().problems(),
                scan.rowsScanned(),
                scan.badValues(),
                scan.badRows(),
                scan.orphanReferences(),
                scan.tables(),
                scan.problems(),
                scan.orphans(),
                scan.badValuesFile() == null ? null : scan.badValuesFile().toString(),
                warnings,
                orphanProblems);
        report.write(folder);
        return new Outcome(report, scan, folder);
    }

    /** What a check of a schema another tool built can do when its definitions cannot be copied. */
    private static final String NO_LOAD =
            "or run check --no-load (the rows only PostgreSQL refuses are then not" + " looked for)";

    private record Scanned(CopyPlan plan, ScanResult scan) {}

    /** @param loadInto where the rows that convert are copied to find what only PostgreSQL refuses; null: nowhere */
    private static Scanned scan(
            JobDefinition job,
            List<SourceTable> sourceTables,
            List<TargetTable> targetTables,
            Path folder,
            int parallelism,
            Consumer<String> say,
            String target,
            DataSource loadInto) {
        // Unmapped names are reported, not refused: check's report lists them with everything else it finds.
        CopyPlan plan = CopyPlan.build(
                sourceTables,
                targetTables,
                job.target().schema(),
                job.mapping(),
                job.conversions(),
                CopyPlan.Unmapped.REPORT);
        say.accept("reading and converting every value of " + plan.copies().size() + " table(s) on " + parallelism
                + " thread(s)"
                + (loadInto != null
                        ? ", then copying the rows that convert into " + target
                                + " (foreign keys dropped) to find the rows PostgreSQL refuses"
                        : " (nothing copied)"));
        long scanStart = System.nanoTime();
        ScanResult scan = new SourceScanner(job.source().path(), plan.copies(), plan.foreignKeys(), parallelism)
                .scan(
                        folder.resolve(SourceScanner.BAD_VALUES_FILE),
                        table -> say.accept(ScanSummary.tableLine(table)),
                        loadInto);
        say.accept(String.format(
                Locale.ROOT,
                "%,d rows read, converted%s in %.1f s",
                scan.rowsScanned(),
                loadInto != null ? " and loaded" : "",
                (System.nanoTime() - scanStart) / 1e9));
        return new Scanned(plan, scan);
    }

    private static String migrate(JobDefinition job, ScratchTarget scratch) {
        try {
            return SchemaMigrator.migrate(
                    scratch.dataSource(),
                    job.target().schema(),
                    job.schema().locations(),
                    job.schema().baselineVersion());
        } catch (FlywayException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the migrations in " + String.join(", ", job.schema().locations())
                            + " could not be applied to " + scratch.description()
                            + ", so there is no target schema to check"
                            + " against: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The schema another tool built (schema.migrate: false) is the one to check against: its definitions are read from
     * the target's catalog in a read-only transaction, so that check never writes to the target.
     */
    private static List<TargetTable> existingSchema(JobDefinition job, TargetCredentials credentials) {
        if (!job.target().hasServer()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the job says the target schema is already there (schema.migrate: false), so check reads it from"
                            + " the target, and none is given: add --target-url (or a target section), or give"
                            + " schema.locations to check against Flyway migrations.");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(job.target().url());
        dataSource.setUser(job.target().user());
        credentials.password().ifPresent(dataSource::setPassword);
        dataSource.setReadOnly(true);
        String where = job.target().redactedUrl();
        List<TargetTable> tables = catalog(dataSource, where, job.target().schema());
        if (tables.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the job says the target schema is already there (schema.migrate: false), but schema "
                            + job.target().schema() + " on " + where + " holds no table: build it first with the"
                            + " application's own migrations (e.g. alembic upgrade head), or give schema.locations.");
        }
        return tables;
    }

    private static List<TargetTable> catalog(DataSource dataSource, String description, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            return new PostgresCatalog(connection).tables(schema);
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED,
                    "cannot read the target schema from " + description + ": " + e.getMessage(),
                    e);
        }
    }
}
