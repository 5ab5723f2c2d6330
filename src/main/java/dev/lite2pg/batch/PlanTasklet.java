package dev.lite2pg.batch;

import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetIndex;
import org.springframework.batch.core.job.JobExecution;
import java.util.Set;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.plan.ParentsFirstOrder;
import dev.lite2pg.plan.NameMapping;
import dev.lite2pg.plan.TableMapping;
import dev.lite2pg.source.sqlite.SqliteSource;
import dev.lite2pg.target.postgres.PostgresCatalog;
import dev.lite2pg.validate.SourceChecks;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Introspects both sides, maps names, picks converters from the target's real types and lists tables parents first
 * (the same {@link CopyPlan} the scan step checked the source against), then records and drops the foreign keys and
 * secondary indexes deferred until after the copy.
 */
final class PlanTasklet implements Tasklet {

    private final CutoverRun run;
    private final ForeignKeyDeferral foreignKeys;
    private final IndexDeferral indexes;

    PlanTasklet(CutoverRun run, ForeignKeyDeferral foreignKeys, IndexDeferral indexes) {
        this.run = run;
        this.foreignKeys = foreignKeys;
        this.indexes = indexes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        String schema = run.job.target().schema();
        List<TargetTable> targetTables;
        Connection connection = DataSourceUtils.getConnection(run.dataSource);
        targetTables = new PostgresCatalog(connection).tables(schema);
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            CopyPlan plan = CopyPlan.build(source.tables(), targetTables, schema, run.job.mapping(),
                    run.job.conversions()).requireMapped(schema);
            NameMapping mapping = plan.mapping();
            List<TargetForeignKey> keys = plan.foreignKeys();
            ParentsFirstOrder order = plan.order();
            List<TableCopy> copies = plan.copies();

            // The scan step counted every orphan reference on this start; on a resume it passed on the first start.
            Map<String, Long> orphans = run.scan != null ? run.scan.orphans() : countOrphans(source, keys, copies);
            run.mapping = mapping;
            run.copies = copies;
            run.sourceOrphans = orphans;
            run.highWaterByTargetTable = highWaterByTargetTable(source.sequenceHighWaterMarks(), mapping.tables());
            // Checking every copied row against its parent (and updating every index) during COPY costs more than the
            // copy itself; the scan step already refused orphans, and the keys are validated after the copy.
            // Cycles need the same treatment anyway, so every foreign key of a copied table is deferred.
            Set<String> copied = copies.stream().map(TableCopy::targetTable).collect(Collectors.toSet());
            List<TargetForeignKey> deferredKeys = keys.stream().filter(k -> copied.contains(k.table())).toList();
            JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
            foreignKeys.defer(deferredKeys, jobExecution);
            List<TargetIndex> deferredIndexes = indexes.defer(copied, jobExecution);
            run.say("plan", copies.size() + " tables (parents first; the copy starts the largest first): "
                    + copies.stream().map(TableCopy::targetTable).collect(Collectors.joining(", ")));
            if (!deferredKeys.isEmpty() || !deferredIndexes.isEmpty()) {
                run.say("plan", "deferred until after the copy (recorded first, then dropped): " + deferredKeys.size()
                        + " foreign key(s)" + (order.cycleKeys().isEmpty() ? "" : ", including the cycle "
                        + order.cycleKeys().stream().map(TargetForeignKey::displayName).collect(Collectors.joining(", ")))
                        + "; " + deferredIndexes.size() + " secondary index(es)");
            }
            if (!mapping.targetOnlyTables().isEmpty()) {
                run.say("plan", "target-only tables left empty: " + String.join(", ", mapping.targetOnlyTables()));
            }
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Orphan counts per foreign key for the report. The scan of the first start found none in this snapshot; should
     * the target's keys have changed since, the run still stops before the keys are dropped.
     */
    private static Map<String, Long> countOrphans(SqliteSource source, List<TargetForeignKey> keys, List<TableCopy> copies)
            throws SQLException {
        SourceChecks checks = new SourceChecks(source.connection());
        Map<String, Long> orphans = new LinkedHashMap<>();
        for (TargetForeignKey key : keys) {
            OptionalLong count = checks.orphanCount(key, copies);
            if (count.isPresent()) {
                orphans.put(key.displayName(), count.getAsLong());
                if (count.getAsLong() > 0) {
                    throw new Lite2pgException(ErrorCode.PRECONDITION, "foreign key " + key.name() + " (" + key.table() + " -> "
                            + key.referencedTable() + "): " + count.getAsLong() + " source row(s) reference a missing parent;"
                            + " nothing more was written. lite2pg check --job FILE lists every one of them.");
                }
            }
        }
        return orphans;
    }

    private static Map<String, Long> highWaterByTargetTable(Map<String, Long> marks, List<TableMapping> tables) {
        Map<String, Long> byTarget = new LinkedHashMap<>();
        for (TableMapping m : tables) {
            Long mark = marks.get(m.source().name());
            if (mark != null) {
                byTarget.put(m.target().name(), mark);
            }
        }
        return byTarget;
    }
}
