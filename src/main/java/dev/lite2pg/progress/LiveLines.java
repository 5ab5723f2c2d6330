package dev.lite2pg.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A terminal: below everything printed so far, a block of one line per table being copied, redrawn in place. A line
 * that stays is printed above the block, which is then drawn again under it.
 */
final class LiveLines implements ProgressDisplay {

    private static final String ESC = "\u001B[";

    private final PrintWriter out;
    private final String prefix;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    /** In the order the tables started, so that lines do not jump around. */
    private final Map<String, TableStatus> running = new LinkedHashMap<>();

    private int drawnLines;
    private long drawnAt;

    /** @param nanoTime a monotonic clock in nanoseconds */
    LiveLines(PrintWriter out, String prefix, Duration every, LongSupplier nanoTime) {
        this.out = out;
        this.prefix = prefix;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
        this.drawnAt = nanoTime.getAsLong() - everyNanos;
    }

    @Override
    public synchronized void update(TableStatus status) {
        running.put(status.table(), status);
        if (nanoTime.getAsLong() - drawnAt >= everyNanos) {
            redraw("");
        }
    }

    @Override
    public synchronized void print(String line) {
        redraw(line + "\n");
    }

    @Override
    public synchronized void finish(String table, String line) {
        running.remove(table);
        redraw(line + "\n");
    }

    /** Erases the block, prints what stays, and draws the block again under it. */
    private void redraw(String staying) {
        StringBuilder text = new StringBuilder(staying.length() + 100 * (running.size() + 1));
        if (drawnLines > 0) {
            // Up to the block's first line, column 1, then erase to the end of the screen.
            text.append(ESC)
                    .append(drawnLines)
                    .append('A')
                    .append('\r')
                    .append(ESC)
                    .append('J');
        }
        text.append(staying);
        for (TableStatus status : running.values()) {
            text.append(prefix).append(status.line()).append('\n');
        }
        out.print(text);
        out.flush();
        drawnLines = running.size();
        drawnAt = nanoTime.getAsLong();
    }
}
