package dev.lite2pg.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Not a terminal: whole lines only, at most one per table every {@code every}, so that a log stays readable. */
final class PlainLines implements ProgressDisplay {

    private final PrintWriter out;
    private final String prefix;
    private final long everyNanos;
    /** Per table, the time into its copy of its last line; a table's first line waits a full interval. */
    private final Map<String, Long> shownAt = new HashMap<>();

    PlainLines(PrintWriter out, String prefix, Duration every) {
        this.out = out;
        this.prefix = prefix;
        this.everyNanos = every.toNanos();
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
    public synchronized void print(String line) {
        line(line);
    }

    @Override
    public synchronized void finish(String table, String line) {
        shownAt.remove(table);
        line(line);
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
