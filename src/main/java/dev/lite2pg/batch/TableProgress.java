package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.postgres.PostgresCopyWriter;
import dev.lite2pg.progress.ProgressDisplay;
import dev.lite2pg.progress.ProgressFormat;
import dev.lite2pg.progress.TableStatus;
import dev.lite2pg.progress.TableTracker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * Tells the operator where each table starts from, how far it is after each chunk (rows, rate, ETA) and how it
 * ended: one line per table, whether it is copied whole or as rowid ranges on several threads at once, whose rows
 * are summed. The classic TaskletStep only calls ChunkListener's ChunkContext methods, deprecated in Spring Batch 6.
 */
final class TableProgress {

    static final String PREFIX = "[copy] ";

    private final String label;
    private final String table;
    private final ProgressDisplay display;
    private final long total;
    /** Rows committed by each of the table's partitions, over all runs: saved in each chunk's transaction. */
    private final Map<String, Long> committed;
    /** Rows each partition committed in this run. */
    private final Map<String, Long> thisRun = new HashMap<>();
    /** Rows each partition converted but did not write, once the run met a bad row (on-bad-row: fail). */
    private final Map<String, Long> discarded = new HashMap<>();
    /** The table's partitions this run has yet to end (or to skip, once another failed). */
    private int pending;
    /** Those it has: a step that could not start may be reported twice. */
    private final Set<String> ended = new HashSet<>();

    private boolean failed;
    private TableTracker tracker;

    /**
     * @param label the table as the lines name it (see {@link #label})
     * @param committed rows committed by each of the table's partitions before this run, including those that
     *     completed and are not run again
     * @param pending the table's partitions this run is to copy
     */
    TableProgress(
            String label, String table, ProgressDisplay display, long total, Map<String, Long> committed, int pending) {
        this.label = label;
        this.table = table;
        this.display = display;
        this.total = total;
        this.committed = new LinkedHashMap<>(committed);
        this.pending = pending;
    }

    /** The listener of one of the table's partitions. */
    Listener listener() {
        return new Listener();
    }

    private synchronized void started() {
        if (tracker != null) {
            return;
        }
        long before = sum(committed);
        if (before > 0) {
            display.print(PREFIX + String.format("%s: %,d of %,d rows already copied, resuming", table, before, total));
        }
        tracker = new TableTracker(name(), before, total, System::nanoTime);
    }

    private synchronized void chunk(StepExecution partition) {
        thisRun.put(partition.getStepName(), partition.getWriteCount());
        display.update(tracker.status(sum(thisRun)));
    }

    /** A partition ended, or was not started because another failed first. */
    synchronized void ended(StepExecution partition, boolean ran) {
        if (!ended.add(partition.getStepName())) {
            return;
        }
        if (ran) {
            thisRun.put(partition.getStepName(), partition.getWriteCount());
            // The saved context holds what is committed, not what the failed chunk had read.
            committed.put(
                    partition.getStepName(), partition.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L));
            discarded.put(
                    partition.getStepName(),
                    partition.getExecutionContext().getLong(PostgresCopyWriter.ROWS_DISCARDED_KEY, 0L));
        }
        failed |= !ran || partition.getStatus().isUnsuccessful();
        if (--pending > 0 || tracker == null) {
            // A table none of whose partitions started in this run has nothing to say.
            return;
        }
        if (failed) {
            display.finish(
                    name(),
                    PREFIX + name() + ": FAILED after " + ProgressFormat.count(sum(committed))
                            + " rows committed; re-run the same command to resume");
        } else {
            TableStatus last = tracker.status(sum(thisRun));
            long rowsDiscarded = sum(discarded);
            display.finish(
                    name(),
                    PREFIX + name() + ": " + ProgressFormat.count(sum(committed)) + " rows ("
                            + ProgressFormat.count(sum(thisRun)) + " in this run"
                            + (rowsDiscarded > 0
                                    ? ", " + ProgressFormat.count(rowsDiscarded)
                                            + " of them converted but not written: the run met a bad row"
                                    : "")
                            + "), " + ProgressFormat.rate(last.rowsPerSecond()) + " over "
                            + ProgressFormat.duration(last.elapsed()));
        }
    }

    private static long sum(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private String name() {
        return label;
    }

    /** The target table, with the source table it is copied from when their names differ. */
    static String label(TableCopy copy) {
        return copy.source().name().equals(copy.targetTable())
                ? copy.targetTable()
                : copy.source().name() + " -> " + copy.targetTable();
    }

    /** One partition's step: its chunks and its end go to the table's progress. */
    @SuppressWarnings("removal")
    final class Listener implements StepExecutionListener, ChunkListener<Object, Object> {

        private Listener() {}

        @Override
        public void beforeStep(StepExecution execution) {
            started();
        }

        @Override
        public void afterChunk(ChunkContext context) {
            chunk(context.getStepContext().getStepExecution());
        }

        @Override
        public ExitStatus afterStep(StepExecution execution) {
            ended(execution, true);
            return execution.getExitStatus();
        }
    }
}
