package dev.lite2pg.batch;

import dev.lite2pg.check.OrphanJudgement;
import dev.lite2pg.check.ScanResult;
import dev.lite2pg.check.ScanSummary;
import dev.lite2pg.check.SourceScanner;
import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.jobfile.BadRowPolicy;
import dev.lite2pg.jobfile.OrphanPolicy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The preflight over the data, before anything is dropped or written: every value of the snapshot read and converted
 * against the migrated schema, and every reference checked, exactly as {@code check} does. With {@code on-bad-row:
 * fail} any problem stops the run here, listing every one of them; with {@code quarantine} they are only counted:
 * the copy sets bad rows aside, and the quarantine step after it the rows whose parent is missing.
 *
 * <p>It costs one read and conversion pass of the source, so it runs once per run: a resumed run passed it already
 * (the step completed), and Spring Batch does not run a completed step again.
 */
final class ScanTasklet implements Tasklet {

    /** Enough to see the pattern in a terminal; the file lists every one. */
    private static final int SHOWN_GROUPS = 20;

    private static final int SHOWN_EXAMPLES = 10;

    /** The scan's mixed-column warnings in the job's execution context, for the report (the copy counts adjustments). */
    static final String MIXED_COLUMNS_KEY = "lite2pg.scan.mixed-columns";

    /** The orphan references the scan counted per foreign key ({@code table.name}), in this step's context. */
    static final String ORPHANS_KEY = "lite2pg.scan.orphans";

    static final String STEP = "scan";

    private final CutoverRun run;
    private final int parallelism;

    ScanTasklet(CutoverRun run, int parallelism) {
        this.run = run;
        this.parallelism = parallelism;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        CopyPlan plan = run.plan.get();
        Map<String, String> copied = new LinkedHashMap<>();
        plan.mapping()
                .tables()
                .forEach(t -> copied.put(t.target().name(), t.source().name()));
        FilledTables filled = FilledTables.sort(
                run.target.tablesWithRows(), copied, run.job.schema().replaceRows(), run.target.schema());
        long started = System.nanoTime();
        run.say(
                "scan",
                "reading and converting every value of " + plan.copies().size() + " table(s) on " + parallelism
                        + " thread(s) before anything is written");
        ScanResult result = new SourceScanner(run.sourceFile, plan.copies(), plan.foreignKeys(), parallelism)
                .scan(run.runFolder.resolve(SourceScanner.BAD_VALUES_FILE), table -> {});
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        // For the plan step of this start; a resume skips this step and counts the orphans again.
        step.getExecutionContext().put(ORPHANS_KEY, new LinkedHashMap<>(result.orphans()));
        // In the job's context, not only in memory: a resume skips this step and its report must still warn.
        step.getJobExecution().getExecutionContext().put(MIXED_COLUMNS_KEY, new ArrayList<>(result.mixedColumns()));
        String read = String.format(Locale.ROOT, "%,d", result.rowsScanned()) + " rows read and converted in "
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9) + " s";
        boolean badRowsStop = run.mode.onBadRow() == BadRowPolicy.FAIL && result.badRows() > 0;
        boolean orphansStop = run.mode.orphans() == OrphanPolicy.FAIL && result.orphanReferences() > 0;
        if (badRowsStop || orphansStop) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    ScanSummary.refusal(result, SHOWN_GROUPS, SHOWN_EXAMPLES)
                            + (orphansStop
                                    ? "\nOrphan references the application tolerates can be resolved instead: orphans:"
                                            + " quarantine, set-null or delete in the job file (README, Orphans)"
                                    : ""));
        }
        if (run.mode.orphans() == OrphanPolicy.SET_NULL) {
            refuseSetNullOnNotNull(plan, result.orphans());
        }
        if (result.badRows() > 0 || result.orphanReferences() > 0) {
            String bad = String.format(Locale.ROOT, "%,d", result.badRows()) + " bad rows";
            String orphans = String.format(Locale.ROOT, "%,d", result.orphanReferences()) + " orphan references";
            run.say(
                    "scan",
                    read + ": "
                            + switch (run.mode.orphans()) {
                                case FAIL, QUARANTINE ->
                                    bad + " and " + orphans + " will be quarantined, with their children";
                                case SET_NULL ->
                                    bad + " will be quarantined, with their children, and " + orphans
                                            + " will be set to NULL (orphans: set-null)";
                                case DELETE ->
                                    bad + " will be quarantined, with their children, and " + orphans
                                            + " will be deleted, with their children (orphans: delete)";
                            }
                            + " (every one: " + result.badValuesFile() + ")");
        } else {
            run.say("scan", read + ": nothing the target would refuse");
        }
        if (!result.warnings().isEmpty()) {
            run.say("scan", "warnings (in the report too):\n  - " + String.join("\n  - ", result.warnings()));
        }
        // Only now that the source passed: a refused run leaves the migrations' rows where they were.
        filled.replaced()
                .forEach((table, rows) -> run.say(
                        "scan",
                        table + ": " + run.target.deleteAllRows(table) + " row(s) the migrations put there deleted; the"
                                + " source's rows replace them (schema.replace-rows)"));
        return RepeatStatus.FINISHED;
    }

    /** NULL cannot go into a NOT NULL column: say so before anything is written, naming every such foreign key. */
    private static void refuseSetNullOnNotNull(CopyPlan plan, Map<String, Long> orphans) {
        List<String> refused = OrphanJudgement.setNullRefusals(plan, orphans);
        if (!refused.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "orphans: set-null cannot resolve every orphan reference; nothing was written:\n  - "
                            + String.join("\n  - ", refused)
                            + "\nChoose orphans: quarantine or delete, or make the column nullable in the migrations");
        }
    }
}
