package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.postgres.PostgresCopyWriter;
import dev.lite2pg.progress.ProgressDisplay;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the chunk step that copies one partition: a table, or one rowid range of it. It uses the classic
 * chunk-oriented TaskletStep on purpose: it saves the reader's position in the chunk's own transaction only after the
 * chunk succeeds. Spring Batch 6.0's new ChunkOrientedStep saves it in a finally block even when the chunk rolls back
 * (spring-batch issue 5182), which would skip rows on restart.
 */
final class CopyStepFactory implements OrderedPartitionHandler.PartitionSteps {

    private final CutoverRun run;
    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    /** One for all the tables: those copied at the same time share the console. */
    private final ProgressDisplay progressDisplay;
    /** Per target table, shared by its partitions; set before the first partition starts. */
    private Map<String, TableProgress> progress = Map.of();

    CopyStepFactory(CutoverRun run, JobRepository repository, PlatformTransactionManager transactions) {
        this.run = run;
        this.repository = repository;
        this.transactions = transactions;
        this.progressDisplay = ProgressDisplay.forConsole(run.out, TableProgress.PREFIX);
    }

    @Override
    public void starting(List<StepExecution> partitions) {
        Map<String, List<StepExecution>> byTable = new LinkedHashMap<>();
        for (StepExecution partition : partitions) {
            byTable.computeIfAbsent(CopySteps.table(partition), t -> new ArrayList<>())
                    .add(partition);
        }
        Map<String, TableProgress> tables = new HashMap<>();
        byTable.forEach((table, running) -> {
            ExecutionContext first = running.get(0).getExecutionContext();
            tables.put(
                    table,
                    new TableProgress(
                            TableProgress.label(run.copyFor(table)),
                            table,
                            progressDisplay,
                            first.getLong(CopyPartitioner.SOURCE_ROWS),
                            committedBefore(table, running),
                            running.size()));
        });
        progress = Map.copyOf(tables);
    }

    /**
     * Rows each of the table's partitions committed before this run: those it runs again hold theirs in their
     * restored context; a range that completed earlier is not run again, and only the repository still knows it.
     */
    private Map<String, Long> committedBefore(String table, List<StepExecution> running) {
        Map<String, Long> committed = new LinkedHashMap<>();
        for (StepExecution partition : running) {
            committed.put(
                    partition.getStepName(), partition.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L));
        }
        ExecutionContext first = running.get(0).getExecutionContext();
        int ranges = first.getInt(CopyPartitioner.RANGES, 1);
        for (int i = 1; i <= ranges && ranges > 1; i++) {
            String name = CopySteps.rangeStep(table, i, ranges);
            if (!committed.containsKey(name)) {
                StepExecution done = repository.getLastStepExecution(
                        running.get(0).getJobExecution().getJobInstance(), name);
                committed.put(
                        name, done == null ? 0L : done.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L));
            }
        }
        return committed;
    }

    @Override
    public void notRun(StepExecution partition) {
        TableProgress table = progress.get(CopySteps.table(partition));
        if (table != null) {
            table.ended(partition, false);
        }
    }

    @Override
    @SuppressWarnings("removal")
    public Step stepFor(StepExecution partition) {
        String targetTable = CopySteps.table(partition);
        TableCopy copy = run.copyFor(targetTable);
        // Sized for the partitions copied at once; a chunk closes at its rows or its bytes, whichever comes first.
        ReadBudget budget = ReadBudget.forThisJvm(run.parallelism);
        SqliteItemReader reader = new SqliteItemReader(new SqliteTableReader(
                run.sourceFile, copy.source(), copy.sourceColumns(), run.job.chunkSize(), budget));
        // Under fail, a bad row does not stop the copy: the rest is converted without being written, to list every one.
        PostgresCopyWriter writer = run.mode.quarantines()
                ? new PostgresCopyWriter(run.dataSource, copy, Optional.of(run.quarantine))
                : new PostgresCopyWriter(run.dataSource, copy, run.refusals);
        TableProgress.Listener progressListener = progress.get(targetTable).listener();
        FaultPoints.installed().ifPresent(faults -> faults.atStepStart(partition.getStepName()));
        var builder = new StepBuilder(partition.getStepName(), repository)
                .observationRegistry(run.metrics.observations())
                .<SourceRow, SourceRow>chunk(
                        ChunkBytesPolicy.rowsOrBytes(run.job.chunkSize(), reader, budget.pageBytes()), transactions)
                .reader(reader)
                .writer(writer)
                // Both interfaces of the one listener, named, since the builder's overloads would be ambiguous.
                .listener((StepExecutionListener) progressListener)
                .listener((ChunkListener<?, ?>) progressListener)
                .listener(run.metrics.forTable(copy.targetTable()).chunkListener());
        var fault = FaultPoints.installed().map(faults -> faults.forChunks(CopySteps.partitionOf(partition)));
        fault.ifPresent(builder::listener);
        return builder.build();
    }
}
