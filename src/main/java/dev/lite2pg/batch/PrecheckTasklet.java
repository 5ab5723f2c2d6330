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
import java.nio.file.Path;
import java.sql.SQLException;
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
 * The checks that need the migrated schema, before anything is dropped or written: the tables the job copies into hold
 * no rows (unless {@code schema.replace-rows} names them), every {@code orphans.foreign-keys} entry names a copied key,
 * and the orphan references of each foreign key, counted on the snapshot with one SQL query per key. It does not read
 * the values: the copy converts each of them once, and a bad row is judged after it ({@link BadRowsTasklet}).
 *
 * <p>Two cases still read and convert every value here, exactly as {@code check} does, because the run must stop
 * before anything is written: orphan references of a {@code fail} foreign key (the refusal then lists the bad values
 * too, every problem at once), and, under {@code on-bad-row: fail}, rows the migrations put in a table that {@code
 * schema.replace-rows} names (they are deleted here, so only a source that passed may delete them: a refused run must
 * leave them).
 *
 * <p>It runs once per run: a resume finds it completed, and the tables hold the run's own rows by then.
 */
final class PrecheckTasklet implements Tasklet {

    /** Enough to see the pattern in a terminal; the file lists every one. */
    private static final int SHOWN_GROUPS = 20;

    private static final int SHOWN_EXAMPLES = 10;

    /** The orphan references counted per foreign key ({@code table.name}), in this step's context. */
    static final String ORPHANS_KEY = "lite2pg.scan.orphans";

    static final String STEP = "precheck";

    private final CutoverRun run;
    private final int parallelism;

    PrecheckTasklet(CutoverRun run, int parallelism) {
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
        refuseUnknownOverrides(plan);
        long started = System.nanoTime();
        boolean fail = run.mode.onBadRow() == BadRowPolicy.FAIL;
        boolean scanned = fail && !filled.replaced().isEmpty();
        ScanResult result = scanned
                ? scan(
                        plan,
                        "the migrations' rows in "
                                + String.join(", ", filled.replaced().keySet())
                                + " are deleted only once every value passed (schema.replace-rows)")
                : scanner(plan).references(badValuesFile());
        Map<OrphanPolicy, Long> orphansByPolicy = orphansByPolicy(plan, result.orphans());
        boolean orphansStop = orphansByPolicy.getOrDefault(OrphanPolicy.FAIL, 0L) > 0;
        if (orphansStop && !scanned) {
            result = scan(
                    plan,
                    "orphan references stop the run, so the values are read too: one refusal lists every" + " problem");
            scanned = true;
        }
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        // For the plan step of this start; a resume skips this step and counts the orphans again.
        step.getExecutionContext().put(ORPHANS_KEY, new LinkedHashMap<>(result.orphans()));
        boolean badRowsStop = fail && result.badRows() > 0;
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
        String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
        String checked = scanned
                ? count(result.rowsScanned()) + " rows read and converted and "
                        + result.orphans().size() + " foreign key(s) checked in " + took
                : result.orphans().size() + " foreign key(s) checked for orphan references in " + took;
        if (result.orphanReferences() > 0) {
            String quarantined = count(orphansByPolicy.getOrDefault(OrphanPolicy.FAIL, 0L)
                    + orphansByPolicy.getOrDefault(OrphanPolicy.QUARANTINE, 0L));
            long setNull = orphansByPolicy.getOrDefault(OrphanPolicy.SET_NULL, 0L);
            long deleted = orphansByPolicy.getOrDefault(OrphanPolicy.DELETE, 0L);
            run.say(
                    STEP,
                    checked + ": " + quarantined + " orphan references will be quarantined, with their children"
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
            run.say(STEP, checked + ": no orphan reference" + (scanned ? ", nothing the target would refuse" : ""));
        }
        // Only now that the source passed: a refused run leaves the migrations' rows where they were.
        filled.replaced()
                .forEach((table, rows) -> run.say(
                        STEP,
                        table + ": " + run.target.deleteAllRows(table) + " row(s) the migrations put there deleted; the"
                                + " source's rows replace them (schema.replace-rows)"));
        return RepeatStatus.FINISHED;
    }

    private SourceScanner scanner(CopyPlan plan) {
        return new SourceScanner(run.sourceFile, plan.copies(), plan.foreignKeys(), parallelism);
    }

    private Path badValuesFile() {
        return run.runFolder.resolve(SourceScanner.BAD_VALUES_FILE);
    }

    /** Check's scan of every value, for the cases where the run must stop before the copy (see the class comment). */
    private ScanResult scan(CopyPlan plan, String why) {
        run.say(
                STEP,
                "reading and converting every value of " + plan.copies().size() + " table(s) on " + parallelism
                        + " thread(s) before anything is written: " + why);
        return scanner(plan).scan(badValuesFile(), table -> {});
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
