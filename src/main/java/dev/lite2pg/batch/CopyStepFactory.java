package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.postgres.PostgresCopyWriter;
import dev.lite2pg.progress.ProgressDisplay;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.util.Optional;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the chunk step that copies one table. It uses the classic chunk-oriented TaskletStep on purpose: it saves
 * the reader's position in the chunk's own transaction only after the chunk succeeds. Spring Batch 6.0's new
 * ChunkOrientedStep saves it in a finally block even when the chunk rolls back (spring-batch issue 5182), which
 * would skip rows on restart.
 */
final class CopyStepFactory {

    private final CutoverRun run;
    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    /** One for all the tables: those copied at the same time share the console. */
    private final ProgressDisplay progressDisplay;

    CopyStepFactory(CutoverRun run, JobRepository repository, PlatformTransactionManager transactions) {
        this.run = run;
        this.repository = repository;
        this.transactions = transactions;
        this.progressDisplay = ProgressDisplay.forConsole(run.out, TableProgress.PREFIX);
    }

    @SuppressWarnings("removal")
    Step forTable(String targetTable) {
        TableCopy copy = run.copyFor(targetTable);
        // Sized for the tables copied at once; a chunk closes at its rows or its bytes, whichever comes first.
        ReadBudget budget = ReadBudget.forThisJvm(run.parallelism);
        SqliteItemReader reader = new SqliteItemReader(new SqliteTableReader(
                run.sourceFile, copy.source(), copy.sourceColumns(), run.job.chunkSize(), budget));
        // Under fail, a bad row does not stop the copy: the rest is converted without being written, to list every one.
        PostgresCopyWriter writer = run.mode.quarantines()
                ? new PostgresCopyWriter(run.dataSource, copy, Optional.of(run.quarantine))
                : new PostgresCopyWriter(run.dataSource, copy, run.refusals);
        TableProgress progress = new TableProgress(copy, progressDisplay);
        FaultPoints.installed().ifPresent(faults -> faults.atStepStart(CopySteps.of(copy)));
        var builder = new StepBuilder(CopySteps.of(copy), repository)
                .observationRegistry(run.metrics.observations())
                .<SourceRow, SourceRow>chunk(
                        ChunkBytesPolicy.rowsOrBytes(run.job.chunkSize(), reader, budget.pageBytes()), transactions)
                .reader(reader)
                .writer(writer)
                // Both interfaces of the one listener, named, since the builder's overloads would be ambiguous.
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener<?, ?>) progress)
                .listener(run.metrics.forTable(copy.targetTable()));
        var fault = FaultPoints.installed().map(faults -> faults.forChunks(targetTable));
        fault.ifPresent(builder::listener);
        return builder.build();
    }
}
