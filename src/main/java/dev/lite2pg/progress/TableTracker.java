package dev.lite2pg.progress;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Times one table's copy from its start and turns committed row counts into statuses. */
public final class TableTracker {

    private final String table;
    private final long copiedBefore;
    private final long total;
    private final LongSupplier nanoTime;
    private final long startNanos;

    /**
     * @param copiedBefore rows an earlier run of the job committed to this table
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public TableTracker(String table, long copiedBefore, long total, LongSupplier nanoTime) {
        this.table = table;
        this.copiedBefore = copiedBefore;
        this.total = total;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** @param copiedThisRun rows this run has committed to the table so far */
    public TableStatus status(long copiedThisRun) {
        return new TableStatus(
                table,
                copiedBefore + copiedThisRun,
                total,
                copiedThisRun,
                Duration.ofNanos(nanoTime.getAsLong() - startNanos));
    }
}
