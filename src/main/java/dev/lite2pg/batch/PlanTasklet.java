package dev.lite2pg.batch;

import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetIndex;
import dev.lite2pg.plan.NameMapping;
import dev.lite2pg.plan.ParentsFirstOrder;
import dev.lite2pg.plan.TableMapping;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.validate.SourceChecks;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Introspects both sides, maps names, picks converters from the target's real types and lists tables parents first
 * (the same {@link CopyPlan} the precheck step checked the source against), then records and drops the foreign keys
 * and secondary indexes deferred until after the copy. A table whose copy discarded rows after a bad row in a start
 * that ended before it could be emptied is emptied here and copied again from its first row (see {@link CopyReset}).
 */
final class PlanTasklet implements Tasklet {

    /** Orphan references per foreign key ({@code table.name}) in the source, for the validate step's report. */
    static final String SOURCE_ORPHANS_KEY = "lite2pg.plan.source-orphans";
    /** Each copied table's highest id handed out in SQLite, for the sequences and validate steps. */
    static final String HIGH_WATER_KEY = "lite2pg.plan.sequence-high-water";

    private final CutoverRun run;
    private final ForeignKeyDeferral foreignKeys;
    private final IndexDeferral indexes;
    private final CopyReset reset;

    PlanTasklet(CutoverRun run, ForeignKeyDeferral foreignKeys, IndexDeferral indexes, CopyReset reset) {
        this.run = run;
        this.foreignKeys = foreignKeys;
        this.indexes = indexes;
        this.reset = reset;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        CopyPlan plan = run.plan.get();
        NameMapping mapping = plan.mapping();
        List<TargetForeignKey> keys = plan.foreignKeys();
        ParentsFirstOrder order = plan.order();
        List<TableCopy> copies = plan.copies();
        JobExecution jobExecution =
                chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<String> again = reset.discarded(jobExecution.getJobInstance());
        if (!again.isEmpty()) {
            run.say(
                    "plan",
                    String.join(", ", again) + ": emptied, to be copied again from the first row (an earlier start"
                            + " stopped after a bad row while it converted without writing)");
        }
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            // The precheck step counted every orphan reference on this start; on a resume it passed on the first start.
            Optional<Map<String, Long>> scanned = scannedOrphans(jobExecution);
            Map<String, Long> orphans = scanned.isPresent() ? scanned.get() : countOrphans(source, keys, copies);
            ExecutionContext context = jobExecution.getExecutionContext();
            context.put(SOURCE_ORPHANS_KEY, new LinkedHashMap<>(orphans));
            context.put(HIGH_WATER_KEY, highWaterByTargetTable(source.sequenceHighWaterMarks(), mapping.tables()));
            // Checking every copied row against its parent (and updating every index) during COPY costs more than the
            // copy itself; the precheck step already refused orphans, and the keys are validated after the copy.
            // Cycles need the same treatment anyway, so every foreign key of a copied table is deferred.
            Set<String> copied = copies.stream().map(TableCopy::targetTable).collect(Collectors.toSet());
            List<TargetForeignKey> deferredKeys =
                    keys.stream().filter(k -> copied.contains(k.table())).toList();
            foreignKeys.defer(deferredKeys, jobExecution);
            List<TargetIndex> deferredIndexes = indexes.defer(copied, jobExecution);
            run.say(
                    "plan",
                    copies.size() + " tables (parents first; the copy starts the largest first): "
                            + copies.stream().map(TableCopy::targetTable).collect(Collectors.joining(", ")));
            if (!deferredKeys.isEmpty() || !deferredIndexes.isEmpty()) {
                run.say(
                        "plan",
                        "deferred until after the copy (recorded first, then dropped): " + deferredKeys.size()
                                + " foreign key(s)"
                                + (order.cycleKeys().isEmpty()
                                        ? ""
                                        : ", including the cycle "
                                                + order.cycleKeys().stream()
                                                        .map(TargetForeignKey::displayName)
                                                        .collect(Collectors.joining(", ")))
                                + "; " + deferredIndexes.size() + " secondary index(es)");
            }
            if (!mapping.targetOnlyTables().isEmpty()) {
                // Never checked, changed or emptied: their rows (seed data, the application's version) are the
                // target's.
                run.say(
                        "plan",
                        "target-only tables, left as they are: "
                                + mapping.targetOnlyTables().stream()
                                        .map(t -> t + " (" + run.target.rowCount(t) + " rows)")
                                        .collect(Collectors.joining(", ")));
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** What the precheck step counted on this start; empty on a resume, whose first start ran it. */
    private static Optional<Map<String, Long>> scannedOrphans(JobExecution jobExecution) {
        return jobExecution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(PrecheckTasklet.STEP)
                        && step.getExecutionContext().containsKey(PrecheckTasklet.ORPHANS_KEY))
                .findFirst()
                .map(step -> longs(step.getExecutionContext(), PrecheckTasklet.ORPHANS_KEY));
    }

    /** A map of counts this step or the precheck put in a context: plain data, as contexts are JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Long> longs(ExecutionContext context, String key) {
        Object value = context.get(key);
        return value == null ? Map.of() : new LinkedHashMap<>((Map<String, Long>) value);
    }

    /**
     * Orphan counts per foreign key for the report. The precheck of the first start found none in this snapshot; should
     * the target's keys have changed since, the run still stops before the keys are dropped.
     */
    private static Map<String, Long> countOrphans(
            SqliteSource source, List<TargetForeignKey> keys, List<TableCopy> copies) throws SQLException {
        SourceChecks checks = new SourceChecks(source.connection());
        Map<String, Long> orphans = new LinkedHashMap<>();
        for (TargetForeignKey key : keys) {
            OptionalLong count = checks.orphanCount(key, copies);
            if (count.isPresent()) {
                orphans.put(key.displayName(), count.getAsLong());
                if (count.getAsLong() > 0) {
                    throw new Lite2pgException(
                            ErrorCode.PRECONDITION,
                            "foreign key " + key.name() + " (" + key.table() + " -> "
                                    + key.referencedTable() + "): " + count.getAsLong()
                                    + " source row(s) reference a missing parent;"
                                    + " nothing more was written. lite2pg check --job FILE lists every one of them.");
                }
            }
        }
        return orphans;
    }

    private static LinkedHashMap<String, Long> highWaterByTargetTable(
            Map<String, Long> marks, List<TableMapping> tables) {
        LinkedHashMap<String, Long> byTarget = new LinkedHashMap<>();
        for (TableMapping m : tables) {
            Long mark = marks.get(m.source().name());
            if (mark != null) {
                byTarget.put(m.target().name(), mark);
            }
        }
        return byTarget;
    }
}
