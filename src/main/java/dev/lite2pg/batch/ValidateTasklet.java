package dev.lite2pg.batch;

import com.zaxxer.hikari.HikariDataSource;
import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.SchemaObject;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.postgres.PostgresCatalog;
import dev.lite2pg.postgres.PostgresCopyWriter;
import dev.lite2pg.postgres.SchemaMigrator;
import dev.lite2pg.postgres.Sequences;
import dev.lite2pg.progress.Activity;
import dev.lite2pg.progress.ProgressFormat;
import dev.lite2pg.report.ColumnReport;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.report.ForeignKeyCheck;
import dev.lite2pg.report.LoadingReport;
import dev.lite2pg.report.QuarantineReport;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.RunFacts;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.SchemaObjectCheck;
import dev.lite2pg.report.SequenceCheck;
import dev.lite2pg.report.TableReport;
import dev.lite2pg.report.TargetOnlyTable;
import dev.lite2pg.report.VerifyQueryResult;
import dev.lite2pg.sqlite.SqliteFiles;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.validate.ContentCheck;
import dev.lite2pg.validate.Findings;
import dev.lite2pg.validate.TargetChecks;
import dev.lite2pg.validate.VerifyQueries;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Compares source and target after the copy (rows per table, every table's content, orphan references per foreign
 * key, sequences by their next value) and hands what it found to the report step as the report's JSON under
 * {@link #REPORT_KEY} in the job's context. Read-only, so it can run again on a resumed job with the same result.
 */
final class ValidateTasklet implements Tasklet {

    /** The step that runs every table's copy step: its own time is the copy's wall-clock time. */
    /** Connections of the pool that the content check cannot have: the run's lock and this step's transaction. */
    private static final int HELD_CONNECTIONS = 2;

    private static final String CONSTRAINTS_STEP = "constraints";
    /** The report as validation leaves it, for the report step, which runs right after this step on every start. */
    static final String REPORT_KEY = "validate.report";
    /** Quarantined rows listed in the report; all of them are in the quarantine table. */
    private static final int SHOWN_QUARANTINED = 100;

    private final CutoverRun run;
    private final JobRepository repository;

    ValidateTasklet(CutoverRun run, JobRepository repository) {
        this.run = run;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        JobExecution jobExecution =
                chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext context = jobExecution.getExecutionContext();
        List<TableCopy> copies = run.plan.built().copies();
        List<TableReport> tables = new ArrayList<>();
        List<CompletedContents.TableContent> contents = new ArrayList<>();
        long contentNanos = 0;
        int byCopyChecksum = 0;
        int snapshotTables;
        List<VerifyQueryResult> verifyQueries;
        Map<String, Long> quarantined = run.quarantine.countsByTable(DataSourceUtils.getConnection(run.dataSource));
        Map<String, Long> orphansResolved = run.quarantine.orphanCounts(DataSourceUtils.getConnection(run.dataSource));
        List<JobExecution> executions = repository.getJobExecutions(jobExecution.getJobInstance());
        Map<String, List<StepExecution>> tableSteps = TableSteps.lastByTable(executions);
        try (SqliteSource source = SqliteSource.open(run.sourceFile);
                ContentCheck content = new ContentCheck(
                        run.dataSource,
                        run.sourceFile,
                        contentParallelism(),
                        quarantined.isEmpty() && orphansResolved.isEmpty()
                                ? Optional.empty()
                                : Optional.of(run.quarantine))) {
            snapshotTables = SqliteFiles.tableCount(source.connection());
            CopiedChecksums copied = CopiedChecksums.of(jobExecution, repository);
            for (int i = 0; i < copies.size(); i++) {
                TableCopy copy = copies.get(i);
                long sourceRows = source.rowCount(copy.source().name());
                long start = System.nanoTime();
                ContentCheck.Compared compared;
                String what = "[validate] content of " + copy.targetTable() + " (table " + (i + 1) + " of "
                        + copies.size() + ", " + ProgressFormat.count(sourceRows) + " rows)";
                try (Activity working = Activity.start(run.progress, "validate", () -> what)) {
                    compared = content.check(
                            copy,
                            touchedAfterCopy(copy, quarantined, orphansResolved)
                                    ? Optional.empty()
                                    : copied.of(copy.targetTable()));
                }
                ContentCheckResult checked = compared.result();
                byCopyChecksum += compared.byText() ? 1 : 0;
                contentNanos += System.nanoTime() - start;
                tables.add(tableReport(
                        copy,
                        sourceRows,
                        quarantined.getOrDefault(copy.targetTable(), 0L),
                        checked,
                        tableSteps.getOrDefault(copy.targetTable(), List.of()),
                        // This run only: a resumed table's rate is this run's rows over this run's time (the time
                        // it stood stopped, and the rows copied before it, would make the rate a fiction).
                        TableSteps.millis(List.of(jobExecution), copy.targetTable()),
                        thisRunWrites(jobExecution, copy)));
                contents.add(new CompletedContents.TableContent(
                        copy.targetTable(),
                        checked.targetRows(),
                        compared.targetDigest(),
                        copy.targetColumns(),
                        copy.targetTypes()));
            }
            verifyQueries =
                    VerifyQueries.run(run.job.verify(), source.connection(), run.dataSource, run.target.schema());
        }
        CompletedContents.record(contents, jobExecution, repository);
        sayContentChecked(
                tables, byCopyChecksum, Duration.ofNanos(contentNanos), copyMillis(jobExecution, CopySteps.MANAGER));
        List<TargetForeignKey> keys = new PostgresCatalog(DataSourceUtils.getConnection(run.dataSource))
                .tables(run.target.schema()).stream()
                        .flatMap(t -> t.foreignKeys().stream())
                        .toList();
        Map<String, Long> sourceOrphans = PlanTasklet.longs(context, PlanTasklet.SOURCE_ORPHANS_KEY);
        List<ForeignKeyCheck> foreignKeys = new TargetChecks(run.target)
                .foreignKeys(keys, sourceOrphans, ForeignKeyDeferral.restoredNames(context));
        List<SequenceCheck> sequences =
                new Sequences(run.target).inspect(PlanTasklet.longs(context, PlanTasklet.HIGH_WATER_KEY));
        Findings findings = new Findings(
                tables,
                foreignKeys,
                sequences,
                schemaObjects(context),
                sourceTablesProblem(
                        jobExecution.getJobParameters().getLong(CutoverLauncher.SOURCE_TABLES),
                        snapshotTables,
                        copies.size()),
                run.mode.quarantines() || run.mode.resolvesOrphans(),
                run.mode.setAsideRowsFail(),
                quarantined,
                // A dry-run leaves the target as it found it: its quarantine table goes too, unless --keep.
                run.mode.rehearsal()
                        ? "the report's Quarantine section (the first " + SHOWN_QUARANTINED + "; all of them in "
                                + run.quarantine.qualifiedName() + " only after dry-run --keep)"
                        : run.quarantine.qualifiedName(),
                DeferredRecords.read(context, BadRowsTasklet.MIXED_COLUMNS_KEY),
                keys.stream()
                        // A cutover stops only on a failing key's orphans in the source, not on children of rows
                        // another key's policy removed.
                        .filter(k ->
                                run.mode.setAsideOrphansFail(k) && sourceOrphans.getOrDefault(k.displayName(), 0L) > 0)
                        // As QuarantineTable.orphanCounts names a key's rows: table (columns).
                        .map(k -> k.table() + " (" + String.join(", ", k.columns()) + ")")
                        .collect(Collectors.toSet()),
                orphansResolved,
                verifyQueries);
        long quarantinedRows = findings.quarantinedRows();
        QuarantineReport quarantine = new QuarantineReport(
                run.mode.onBadRow().yaml(),
                run.quarantine.qualifiedName(),
                quarantinedRows,
                quarantinedRows == 0 && orphansResolved.isEmpty()
                        ? List.of()
                        : run.quarantine.first(DataSourceUtils.getConnection(run.dataSource), SHOWN_QUARANTINED));
        RunReport report = findings.report(
                run.job.name(),
                run.job.source().path().toString(),
                jobExecution.getJobParameters().getString(CutoverLauncher.SOURCE_FILE_SHA256),
                run.sourceSha256,
                run.job.target().redactedUrl(),
                run.target.schema(),
                run.started.toString(),
                Instant.now().toString(),
                quarantine,
                loading(jobExecution),
                run.metrics.summary(),
                run.plan.built().mapping().targetOnlyTables().stream()
                        .map(t -> new TargetOnlyTable(t, run.target.rowCount(t)))
                        .toList(),
                new RunFacts(
                        RunFacts.thisVersion(),
                        run.mode.rehearsal(),
                        run.resumed,
                        Duration.between(run.started, Instant.now()).toMillis()));
        context.putString(REPORT_KEY, ReportWriter.json(report));
        List<String> notes = new ArrayList<>(report.problems());
        notes.addAll(report.warnings());
        run.say(
                "validate",
                report.verdict() + ": " + tables.size() + " tables, " + foreignKeys.size() + " foreign keys, "
                        + sequences.size() + " sequences, " + verifyQueries.size() + " verification queries checked"
                        + (notes.isEmpty() ? "" : "\n  - " + String.join("\n  - ", notes)));
        return RepeatStatus.FINISHED;
    }

    /**
     * Whether rows of the table were set aside or changed by the quarantine (on their way in or by the orphan steps
     * after the copy): its content is then compared through PostgreSQL, which accounts for them, not with the copy's
     * checksum.
     */
    private static boolean touchedAfterCopy(
            TableCopy copy, Map<String, Long> quarantined, Map<String, Long> orphansResolved) {
        // orphanCounts names a key's rows "table (columns) origin".
        return quarantined.containsKey(copy.targetTable())
                || orphansResolved.keySet().stream().anyMatch(k -> k.startsWith(copy.targetTable() + " ("));
    }

    /**
     * Whatever went wrong before (a snapshot SQLite could not fill, a plan that matched nothing), a run is never PASS
     * with fewer tables than the source file held, nor with none copied from a source that has tables.
     *
     * @param sourceTables as counted in the source file when the snapshot was taken
     */
    static Optional<String> sourceTablesProblem(long sourceTables, int snapshotTables, int copiedTables) {
        if (snapshotTables < sourceTables) {
            return Optional.of(
                    "the run's snapshot holds " + snapshotTables + " table(s), the source file held " + sourceTables
                            + " when it was taken: the tables it lacks were not copied. Start again with cutover --fresh");
        }
        if (copiedTables == 0 && sourceTables > 0) {
            return Optional.of("the source file held " + sourceTables
                    + " table(s) and the run copied none: check the job's mapping");
        }
        return Optional.empty();
    }

    /** What the migrations created, as the catalog shows it now; every object the plan step deferred must be back. */
    private List<SchemaObjectCheck> schemaObjects(ExecutionContext context) {
        Set<String> deferred = new HashSet<>(ForeignKeyDeferral.restoredNames(context));
        deferred.addAll(IndexDeferral.deferredNames(context));
        Set<String> seen = new HashSet<>();
        List<SchemaObjectCheck> checks = new ArrayList<>();
        for (SchemaObject o : run.target.schemaObjects()) {
            if (o.table().equals(SchemaMigrator.HISTORY_TABLE)) {
                continue;
            }
            seen.add(o.key());
            checks.add(
                    new SchemaObjectCheck(o.kind(), o.table(), o.name(), deferred.contains(o.key()), true, o.valid()));
        }
        for (String key : ForeignKeyDeferral.restoredNames(context)) {
            if (!seen.contains(key)) {
                checks.add(new SchemaObjectCheck(
                        "foreign key",
                        key.substring(0, key.indexOf('.')),
                        key.substring(key.indexOf('.') + 1),
                        true,
                        false,
                        false));
            }
        }
        for (String key : IndexDeferral.deferredNames(context)) {
            if (!seen.contains(key)) {
                checks.add(new SchemaObjectCheck(
                        "index",
                        key.substring(0, key.indexOf('.')),
                        key.substring(key.indexOf('.') + 1),
                        true,
                        false,
                        false));
            }
        }
        return checks;
    }

    private LoadingReport loading(JobExecution jobExecution) {
        ExecutionContext context = jobExecution.getExecutionContext();
        return new LoadingReport(
                run.parallelism,
                ForeignKeyDeferral.restoredNames(context),
                IndexDeferral.deferredNames(context),
                copyMillis(jobExecution, CONSTRAINTS_STEP),
                run.plan.built().copies().size(),
                context.getLong(RebuildConstraintsTasklet.ANALYZE_MILLIS_KEY, 0L),
                List.of(
                        "synchronous_commit = off for each copy chunk (SET LOCAL): a commit does not wait for its WAL flush; if"
                                + " PostgreSQL crashes, the chunks lost are lost with their saved positions and a resume copies them again",
                        "maintenance_work_mem = " + RebuildConstraintsTasklet.MAINTENANCE_MEMORY
                                + " while building indexes and"
                                + " validating foreign keys (SET LOCAL): sorts in memory rather than on disk; no superuser needed"));
    }

    /**
     * Every connection the pool can spare. The pool is sized for the copy's parallel tables, which are done by now,
     * so the check reads as many parts of a table at once as the copy copied tables.
     */
    private int contentParallelism() throws SQLException {
        return Math.max(1, run.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() - HELD_CONNECTIONS);
    }

    /**
     * One line for all tables, with the copy's time beside it, so what the check costs is plain to see, and how many
     * tables matched the checksum the copy kept (the others were compared through PostgreSQL).
     */
    private void sayContentChecked(List<TableReport> tables, int byCopyChecksum, Duration took, long copyMillis) {
        long rows = tables.stream().mapToLong(t -> t.content().sourceRows()).sum();
        long differing = tables.stream().filter(t -> !t.content().matches()).count();
        run.say(
                "validate",
                String.format(
                        Locale.ROOT,
                        "content of %d tables (%,d source rows) compared with the target in %.1f s"
                                + " (the copy took %.1f s; %d by the copy's checksum): %s",
                        tables.size(),
                        rows,
                        took.toMillis() / 1000.0,
                        copyMillis / 1000.0,
                        byCopyChecksum,
                        differing == 0
                                ? "all match"
                                : differing == 1 ? "1 table differs" : differing + " tables differ"));
    }

    /**
     * @param steps the table's last copy step, or those of each of its ranges, whose counts and tallies add up
     * @param copyMillis the table's copy time in this run (its ranges' step times added up), see {@link
     *     TableSteps#millis}
     * @param thisRunWrites rows the table's copy steps (its ranges') wrote in this run
     */
    private TableReport tableReport(
            TableCopy copy,
            long sourceRows,
            long quarantinedRows,
            ContentCheckResult content,
            List<StepExecution> steps,
            long copyMillis,
            long thisRunWrites) {
        List<ColumnReport> columns = new ArrayList<>();
        for (int i = 0; i < copy.width(); i++) {
            Map<String, Long> adjustments = new LinkedHashMap<>();
            for (Adjustment a : Adjustment.values()) {
                long n = TableSteps.sum(
                        steps, PostgresCopyWriter.tallyKey(copy.targetColumns().get(i), a));
                if (n != 0) {
                    adjustments.put(a.name(), n);
                }
            }
            columns.add(new ColumnReport(
                    copy.sourceColumns().get(i),
                    copy.targetColumns().get(i),
                    copy.targetTypes().get(i),
                    copy.converters()[i].description(),
                    adjustments));
        }
        return new TableReport(
                copy.source().name(),
                copy.targetTable(),
                sourceRows,
                TableSteps.sum(steps, SqliteItemReader.ROWS_KEY),
                TableSteps.sum(steps, PostgresCopyWriter.ROWS_WRITTEN_KEY),
                run.target.rowCount(copy.targetTable()),
                quarantinedRows,
                copyMillis,
                thisRunWrites,
                columns,
                content);
    }

    /**
     * Time spent in the step in this run only: a resumed table's rate is this run's rows over this run's time (the
     * time it stood stopped, and the rows copied before it, would make the rate a fiction). Zero for a table an
     * earlier run finished.
     */
    private static long copyMillis(JobExecution current, String stepName) {
        StepExecution step = stepOf(current, stepName);
        return step == null || step.getStartTime() == null || step.getEndTime() == null
                ? 0
                : Duration.between(step.getStartTime(), step.getEndTime()).toMillis();
    }

    private static long thisRunWrites(JobExecution current, TableCopy copy) {
        return current.getStepExecutions().stream()
                .filter(step -> CopySteps.isTable(step) && copy.targetTable().equals(CopySteps.table(step)))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
    }

    private static StepExecution stepOf(JobExecution current, String stepName) {
        return current.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(stepName))
                .findFirst()
                .orElse(null);
    }
}
