package dev.lite2pg.progress;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Where the progress of the tables being copied, and of the long steps around the copy, goes for a whole run. Tables
 * may be copied at the same time, so implementations are thread-safe and every line of the copy goes through them.
 */
public interface ProgressDisplay {

    /** How often a log gets a line per table: often enough to see that a run is alive, rarely enough to read it. */
    Duration PLAIN_EVERY = Duration.ofSeconds(10);
    /** Fast enough to look live, slow enough that tiny chunks do not flood the terminal. */
    Duration REDRAW_EVERY = Duration.ofMillis(100);

    /** After each committed chunk of a table; the display decides whether it is worth showing now. */
    void update(TableStatus status);

    /**
     * A line about work in progress under {@code key} (a long step, see {@link Activity}) that replaces the key's
     * previous one; shown like a table's progress, and gone at {@link #finish}.
     */
    void show(String key, String line);

    /** A line that stays, such as a table resuming. */
    void print(String line);

    /** The table (or step) is done: its progress goes away and {@code line}, its final word if not null, stays. */
    void finish(String table, String line);

    /**
     * Lines redrawn in place, one per table being copied, on a terminal; plain lines at most every
     * {@link #PLAIN_EVERY} per table when the output is a pipe, a file or a terminal that cannot move the cursor
     * (CI, cron, {@code TERM=dumb}).
     *
     * @param prefix put before each table's progress line
     */
    static ProgressDisplay forConsole(PrintWriter out, String prefix) {
        return isLiveTerminal(System.console() != null, System.getenv("TERM"))
                ? new LiveLines(out, prefix, REDRAW_EVERY, System::nanoTime, TerminalWidth.of(System.getenv()))
                : new PlainLines(out, prefix, PLAIN_EVERY, System::nanoTime);
    }

    /** @param console whether the JVM has a console, i.e. standard input and output are both a terminal */
    static boolean isLiveTerminal(boolean console, String term) {
        return console && !"dumb".equals(term);
    }
}
