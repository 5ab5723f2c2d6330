package dev.lite2pg.batch;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.copy.CopyPlanner;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.plan.LoadOrder;
import dev.lite2pg.plan.NameMapper;
import dev.lite2pg.plan.NameMapping;
import dev.lite2pg.plan.TableMapping;
import dev.lite2pg.plan.TableOrder;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Introspects both sides, maps names, picks converters from the target's real types, orders tables by foreign key
 * and checks the source for rows the target would reject. Nothing is written before all of this passes.
 */
final class PlanTasklet implements Tasklet {

    private final CutoverRun run;
    private final CycleBreaker cycles;

    PlanTasklet(CutoverRun run, CycleBreaker cycles) {
        this.run = run;
        this.cycles = cycles;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        String schema = run.job.target().schema();
        List<TargetTable> targetTables;
        Connection connection = DataSourceUtils.getConnection(run.dataSource);
        targetTables = new PostgresCatalog(connection).tables(schema);
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            List<SourceTable> sourceTables = source.tables();
            NameMapping mapping = NameMapper.map(sourceTables, targetTables, run.job.mapping());
            if (!mapping.problems().isEmpty()) {
                throw new Lite2pgException(ErrorCode.PRECONDITION, "the source does not map onto the target schema "
                        + schema + "; nothing was written:\n  - " + String.join("\n  - ", mapping.problems()));
            }
            List<TargetForeignKey> keys = targetTables.stream().flatMap(t -> t.foreignKeys().stream()).toList();
            List<String> tablesToCopy = mapping.tables().stream().map(m -> m.target().name()).toList();
            LoadOrder order = TableOrder.order(tablesToCopy, keys);
            List<TableCopy> copies = CopyPlanner.plan(mapping.tables(), order.tables(), schema,
                    new ConversionOptions(run.job.naiveTimezone()));

            SourceChecks checks = new SourceChecks(source.connection());
            List<String> problems = new ArrayList<>(checks.nullsIntoNotNull(copies));
            Map<String, Long> orphans = new LinkedHashMap<>();
            for (TargetForeignKey key : keys) {
                Optional<SourceChecks.Orphans> found = checks.orphans(key, copies);
                if (found.isPresent()) {
                    orphans.put(key.table() + "." + key.name(), found.get().count());
                    if (found.get().count() > 0) {
                        problems.add("foreign key " + key.name() + " (" + key.table() + " -> " + key.referencedTable() + "): "
                                + found.get().count() + " source row(s) reference a missing parent: " + found.get().sample());
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new Lite2pgException(ErrorCode.PRECONDITION, "the target would reject these source rows; nothing was written. "
                        + "Fix them on a copy of the source (never the original) and run again:\n  - " + String.join("\n  - ", problems));
            }
            run.mapping = mapping;
            run.copies = copies;
            run.sourceOrphans = orphans;
            run.highWaterByTargetTable = highWaterByTargetTable(source.sequenceHighWaterMarks(), mapping.tables());
            cycles.breakEdges(order.brokenEdges(), chunkContext.getStepContext().getStepExecution().getJobExecution());
            run.say("plan", copies.size() + " tables in load order: "
                    + copies.stream().map(TableCopy::targetTable).collect(Collectors.joining(", ")));
            if (!order.brokenEdges().isEmpty()) {
                run.say("plan", "foreign keys dropped to break cycles, re-added and validated after the copy: "
                        + order.brokenEdges().stream().map(k -> k.table() + "." + k.name()).collect(Collectors.joining(", ")));
            }
            if (!mapping.targetOnlyTables().isEmpty()) {
                run.say("plan", "target-only tables left empty: " + String.join(", ", mapping.targetOnlyTables()));
            }
        }
        return RepeatStatus.FINISHED;
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
