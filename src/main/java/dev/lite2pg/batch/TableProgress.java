package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.postgres.PostgresCopyWriter;
import dev.lite2pg.progress.ProgressDisplay;
import dev.lite2pg.progress.ProgressFormat;
import dev.lite2pg.progress.TableStatus;
import dev.lite2pg.progress.TableTracker;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * Tells the operator where each table starts from, how far it is after each chunk (rows, rate, ETA) and how it
 * ended. The classic TaskletStep only calls ChunkListener's ChunkContext methods, deprecated in Spring Batch 6.
 */
@SuppressWarnings("removal")
final class TableProgress implements StepExecutionListener, ChunkListener<Object, Object> {

    static final String PREFIX = "[copy] ";

    private final TableCopy copy;
    private final ProgressDisplay display;
    private TableTracker tracker;

    TableProgress(TableCopy copy, ProgressDisplay display) {
        this.copy = copy;
        this.display = display;
    }

    @Override
    public void beforeStep(StepExecution execution) {
        long committed = execution.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L);
        long total = execution.getExecutionContext().getLong(CopyPartitioner.SOURCE_ROWS);
        if (committed > 0) {
            display.print(PREFIX
                    + String.format(
                            "%s: %,d of %,d rows already copied, resuming", copy.targetTable(), committed, total));
        }
        tracker = new TableTracker(name(), committed, total, System::nanoTime);
    }

    @Override
    public void afterChunk(ChunkContext context) {
        display.update(
                tracker.status(context.getStepContext().getStepExecution().getWriteCount()));
    }

    @Override
    public ExitStatus afterStep(StepExecution execution) {
        // The saved context holds what is committed, not what the failed chunk had read.
        long total = execution.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L);
        if (execution.getStatus().isUnsuccessful()) {
            display.finish(
                    name(),
                    PREFIX + name() + ": FAILED after " + ProgressFormat.count(total)
                            + " rows committed; re-run the same command to resume");
        } else {
            TableStatus last = tracker.status(execution.getWriteCount());
            long discarded = execution.getExecutionContext().getLong(PostgresCopyWriter.ROWS_DISCARDED_KEY, 0L);
            display.finish(
                    name(),
                    PREFIX + name() + ": " + ProgressFormat.count(total) + " rows ("
                            + ProgressFormat.count(execution.getWriteCount()) + " in this run"
                            + (discarded > 0
                                    ? ", " + ProgressFormat.count(discarded)
                                            + " of them converted but not written: the run met a bad row"
                                    : "")
                            + "), " + ProgressFormat.rate(last.rowsPerSecond()) + " over "
                            + ProgressFormat.duration(last.elapsed()));
        }
        return execution.getExitStatus();
    }

    private String name() {
        return copy.source().name().equals(copy.targetTable())
                ? copy.targetTable()
                : copy.source().name() + " -> " + copy.targetTable();
    }
}
