package dev.lite2pg.batch;

import dev.lite2pg.check.ScanResult;
import dev.lite2pg.check.ScanSummary;
import dev.lite2pg.check.ScanWarnings;
import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.PostgresCopyWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges the copy's bad rows, right after it, on every start: the copy converted every value once, so what check's
 * scan would have found before it is known now. Under {@code on-bad-row: fail} a copy that met any bad row stopped
 * writing and went on converting (see {@link PostgresCopyWriter}); here the run is refused listing every one of them,
 * as check lists them, after the target is put back as the run found it: the copied tables emptied, the foreign keys
 * and indexes the plan step dropped added back, and the copy's saved positions forgotten, so that the same command
 * copies everything again once the source is fixed. Under {@code quarantine} it says how many rows the copy set aside.
 * Either way the copy's warnings (numbers among text timestamps, values adjusted as the job asked) are said, and the
 * mixed columns kept in the job's context for the report.
 */
final class BadRowsTasklet implements Tasklet {

    static final String STEP = "bad-rows";

    /** Numbers read as epochs among text timestamps, one warning per column, in the job's context for the report. */
    static final String MIXED_COLUMNS_KEY = "lite2pg.scan.mixed-columns";

    /** Enough to see the pattern in a terminal; the file lists every one. */
    private static final int SHOWN_GROUPS = 20;

    private static final int SHOWN_EXAMPLES = 10;

    private final CutoverRun run;
    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final ForeignKeyDeferral foreignKeys;
    private final IndexDeferral indexes;

    BadRowsTasklet(
            CutoverRun run,
            JobRepository repository,
            PlatformTransactionManager transactions,
            ForeignKeyDeferral foreignKeys,
            IndexDeferral indexes) {
        this.run = run;
        this.repository = repository;
        this.transactions = transactions;
        this.foreignKeys = foreignKeys;
        this.indexes = indexes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<TableCopy> copies = run.plan.built().copies();
        // A table copied in rowid ranges saved its counts in each range's step: they add up.
        Map<String, List<StepExecution>> byTable =
                TableSteps.lastByTable(repository.getJobExecutions(job.getJobInstance()));
        Map<TableCopy, ExecutionContext> saved = new LinkedHashMap<>();
        for (TableCopy copy : copies) {
            saved.put(copy, TableSteps.summed(byTable.getOrDefault(copy.targetTable(), List.of())));
        }
        long rowsRead = saved.values().stream()
                .mapToLong(c -> c.getLong(SqliteItemReader.ROWS_KEY, 0L))
                .sum();
        if (run.refusals.any()) {
            refuse(job, copies, saved);
        }
        List<String> mixed = mixedColumns(saved);
        // In the job's context, not only said: a resume after this step must still warn in its report.
        job.getExecutionContext().put(MIXED_COLUMNS_KEY, new ArrayList<>(mixed));
        long quarantined = saved.values().stream()
                .mapToLong(c -> c.getLong(PostgresCopyWriter.ROWS_QUARANTINED_KEY, 0L))
                .sum();
        String read = count(rowsRead) + " rows read and converted by the copy";
        if (quarantined > 0) {
            run.say(
                    STEP,
                    read + ": " + count(quarantined) + " bad rows quarantined (" + run.quarantine.qualifiedName()
                            + "), their children after the copy");
        } else {
            run.say(STEP, read + ": nothing the target refused");
        }
        List<String> warnings = new ArrayList<>(mixed);
        warnings.addAll(adjustments(saved));
        if (!warnings.isEmpty()) {
            run.say(STEP, "warnings (in the report too):\n  - " + String.join("\n  - ", warnings));
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Puts the target back as the run found it, committed before the refusal is thrown (the step's own transaction
     * rolls back with it), then refuses with every problem.
     */
    private void refuse(JobExecution job, List<TableCopy> copies, Map<TableCopy, ExecutionContext> saved) {
        ScanResult result = run.refusals.result(copies, c -> saved.get(c).getLong(SqliteItemReader.ROWS_KEY, 0L));
        String refusal = ScanSummary.refusal(
                result,
                SHOWN_GROUPS,
                SHOWN_EXAMPLES,
                "nothing was written that was not removed again: the copy stopped writing at the first of them and"
                        + " went on converting to find the others, then emptied the copied tables and added back"
                        + " the foreign keys and indexes it had dropped");
        TransactionTemplate apart = new TransactionTemplate(transactions);
        apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        apart.executeWithoutResult(status -> {
            new CopyReset(run, repository)
                    .all(job.getJobInstance(), refusal.lines().findFirst().orElse(refusal));
            indexes.rebuild(job);
            foreignKeys.restore(job);
        });
        throw new Lite2pgException(ErrorCode.PRECONDITION, refusal);
    }

    /** As check words them, from the counts each table's copy saved with its chunks. */
    private static List<String> mixedColumns(Map<TableCopy, ExecutionContext> saved) {
        List<String> warnings = new ArrayList<>();
        saved.forEach((copy, context) -> {
            for (int i = 0; i < copy.width(); i++) {
                long[] n = PostgresCopyWriter.mixedCounts(
                        context, copy.targetColumns().get(i));
                if (n[0] > 0 && n[1] > 0) {
                    warnings.add(ScanWarnings.mixed(
                            column(copy, i),
                            copy.targetTypes().get(i),
                            n[0],
                            n[1],
                            copy.converters()[i].numbersReadAs()));
                }
            }
        });
        return warnings;
    }

    private static List<String> adjustments(Map<TableCopy, ExecutionContext> saved) {
        List<String> warnings = new ArrayList<>();
        saved.forEach((copy, context) -> {
            for (int i = 0; i < copy.width(); i++) {
                for (Adjustment a : Adjustment.values()) {
                    long n = context.getLong(
                            PostgresCopyWriter.tallyKey(copy.targetColumns().get(i), a), 0L);
                    if (a.warns() && n > 0) {
                        warnings.add(ScanWarnings.adjusted(column(copy, i), a, n));
                    }
                }
            }
        });
        return warnings;
    }

    private static String column(TableCopy copy, int i) {
        return copy.source().name() + "." + copy.sourceColumns().get(i);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
