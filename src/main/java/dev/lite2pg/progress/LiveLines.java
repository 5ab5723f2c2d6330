package dev.lite2pg.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A terminal: below everything printed so far, a block of one line per table being copied (or per long step at work),
 * redrawn in place. A line that stays is printed above the block, which is then drawn again under it. Block lines are
 * cut to the terminal's width: a line the terminal wraps takes two rows, and moving up by one row per line would then
 * leave half-lines behind on every redraw.
 */
final class LiveLines implements ProgressDisplay {

    private static final String ESC = "\u001B[";

    private final PrintWriter out;
    private final String prefix;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final int width;
    /** In the order the tables (or steps) started, so that lines do not jump around. */
    private final Map<String, String> running = new LinkedHashMap<>();

    private int drawnLines;
    private long drawnAt;

    /**
     * @param nanoTime a monotonic clock in nanoseconds
     * @param width the terminal's columns
     */
    LiveLines(PrintWriter out, String prefix, Duration every, LongSupplier nanoTime, int width) {
        this.out = out;
        this.width = width;
        this.prefix = prefix;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
        this.drawnAt = nanoTime.getAsLong() - everyNanos;
    }

    @Override
    public synchronized void update(TableStatus status) {
        show(status.table(), prefix + status.line());
    }

    @Override
    public synchronized void show(String key, String line) {
        running.put(key, line);
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
        redraw(line == null ? "" : line + "\n");
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
        for (String line : running.values()) {
            text.append(fitted(line)).append('\n');
        }
        out.print(text);
        out.flush();
        drawnLines = running.size();
        drawnAt = nanoTime.getAsLong();
    }

    /** One column short of the width: some terminals wrap as soon as the last column is written. */
    private String fitted(String line) {
        int room = Math.max(1, width - 1);
        return line.length() <= room ? line : line.substring(0, Math.max(0, room - 3)) + "...";
    }
}
