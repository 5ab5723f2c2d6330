package dev.lite2pg.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Not a terminal: whole lines only, at most one per table every {@code every}, so that a log stays readable. */
final class PlainLines implements ProgressDisplay {

    private final PrintWriter out;
    private final String prefix;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    /** Per table, the time into its copy of its last line; a table's first line waits a full interval. */
    private final Map<String, Long> shownAt = new HashMap<>();
    /** Per long step, when it was first shown or last printed, by {@code nanoTime}; its first line waits too. */
    private final Map<String, Long> stepShownAt = new HashMap<>();

    PlainLines(PrintWriter out, String prefix, Duration every, LongSupplier nanoTime) {
        this.out = out;
        this.prefix = prefix;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void update(TableStatus status) {
        long now = status.elapsed().toNanos();
        if (now - shownAt.getOrDefault(status.table(), 0L) < everyNanos) {
            return;
        }
        shownAt.put(status.table(), now);
        line(prefix + status.line());
    }

    @Override
    public synchronized void show(String key, String line) {
        long now = nanoTime.getAsLong();
        Long since = stepShownAt.putIfAbsent(key, now);
        if (since != null && now - since >= everyNanos) {
            stepShownAt.put(key, now);
            line(line);
        }
    }

    @Override
    public synchronized void print(String line) {
        line(line);
    }

    @Override
    public synchronized void finish(String table, String line) {
        shownAt.remove(table);
        stepShownAt.remove(table);
        if (line != null) {
            line(line);
        }
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
