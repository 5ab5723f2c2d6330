package dev.lite2pg.batch;

import dev.lite2pg.check.OrphanJudgement;
import dev.lite2pg.check.ScanResult;
import dev.lite2pg.check.ScanSummary;
import dev.lite2pg.check.SourceScanner;
import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.jobfile.BadRowPolicy;
import dev.lite2pg.jobfile.OrphanPolicies;
import dev.lite2pg.jobfile.OrphanPolicy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.TargetForeignKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
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
        refuseUnknownOverrides(plan);
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
        Map<OrphanPolicy, Long> orphansByPolicy = orphansByPolicy(plan, result.orphans());
        boolean orphansStop = orphansByPolicy.getOrDefault(OrphanPolicy.FAIL, 0L) > 0;
        if (badRowsStop || orphansStop) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    ScanSummary.refusal(result, SHOWN_GROUPS, SHOWN_EXAMPLES)
                            + (orphansStop
                                    ? "\nOrphan references the application tolerates can be resolved instead: orphans:"
                                            + " quarantine, set-null or delete in the job file, for the whole job or"
                                            + " per foreign key under orphans.foreign-keys (README, Orphans)"
                                    : ""));
        }
        if (orphansByPolicy.getOrDefault(OrphanPolicy.SET_NULL, 0L) > 0) {
            refuseSetNullOnNotNull(plan, result.orphans(), run.mode.orphans());
        }
        if (result.badRows() > 0 || result.orphanReferences() > 0) {
            String bad = String.format(Locale.ROOT, "%,d", result.badRows()) + " bad rows";
            String quarantined = count(orphansByPolicy.getOrDefault(OrphanPolicy.FAIL, 0L)
                    + orphansByPolicy.getOrDefault(OrphanPolicy.QUARANTINE, 0L));
            long setNull = orphansByPolicy.getOrDefault(OrphanPolicy.SET_NULL, 0L);
            long deleted = orphansByPolicy.getOrDefault(OrphanPolicy.DELETE, 0L);
            run.say(
                    "scan",
                    read + ": " + bad + " and " + quarantined + " orphan references will be quarantined, with their"
                            + " children"
                            + (setNull > 0
                                    ? ", " + count(setNull) + " orphan references will be set to NULL (orphans:"
                                            + " set-null)"
                                    : "")
                            + (deleted > 0
                                    ? ", " + count(deleted) + " orphan references will be deleted, with their"
                                            + " children (orphans: delete)"
                                    : "")
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

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An override naming no foreign key of the plan would leave the key it meant under the default policy. */
    private void refuseUnknownOverrides(CopyPlan plan) {
        List<String> unknown = run.job.orphans().unknownOverrides(plan.foreignKeys());
        if (!unknown.isEmpty()) {
            List<String> known = plan.foreignKeys().stream()
                    .map(OrphanPolicies::overrideName)
                    .toList();
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "orphans.foreign-keys names no foreign key of the copied tables: "
                            + String.join(", ", unknown) + "; nothing was written\nName each as target table.column"
                            + " (several columns: table.a,b); the copied tables' foreign keys are: "
                            + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
    }

    /** The source's orphan references, summed per the policy of the foreign key they belong to. */
    private Map<OrphanPolicy, Long> orphansByPolicy(CopyPlan plan, Map<String, Long> orphans) {
        Map<OrphanPolicy, Long> byPolicy = new EnumMap<>(OrphanPolicy.class);
        for (TargetForeignKey key : plan.foreignKeys()) {
            long n = orphans.getOrDefault(key.displayName(), 0L);
            if (n > 0) {
                byPolicy.merge(run.mode.orphans().policyFor(key), n, Long::sum);
            }
        }
        return byPolicy;
    }

    /** NULL cannot go into a NOT NULL column: say so before anything is written, naming every such foreign key. */
    private static void refuseSetNullOnNotNull(CopyPlan plan, Map<String, Long> orphans, OrphanPolicies policies) {
        List<String> refused = OrphanJudgement.setNullRefusals(plan, orphans, policies);
        if (!refused.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "orphans: set-null cannot resolve every orphan reference; nothing was written:\n  - "
                            + String.join("\n  - ", refused)
                            + "\nChoose orphans: quarantine or delete for that key (orphans.foreign-keys), or make the"
                            + " column nullable in the migrations");
        }
    }
}
