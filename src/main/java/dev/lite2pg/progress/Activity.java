package dev.lite2pg.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A long piece of work with no chunks to count (a snapshot, index builds, the content check): a line saying what is
 * being done and for how long, kept up to date by a timer so that a step that blocks in one call still shows it is
 * alive. On a terminal it is redrawn in place every second; in a log a line appears every
 * {@link ProgressDisplay#PLAIN_EVERY}, and none for work that ends sooner.
 */
public final class Activity implements AutoCloseable {

    private static final Duration TICK = Duration.ofSeconds(1);

    private final ProgressDisplay display;
    private final String key;
    private final Supplier<String> what;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final ScheduledExecutorService timer;

    Activity(ProgressDisplay display, String key, Supplier<String> what, LongSupplier nanoTime, boolean ticking) {
        this.display = display;
        this.key = key;
        this.what = what;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.timer = ticking
                ? Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "lite2pg-progress-" + key);
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
        tick();
        if (timer != null) {
            timer.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts showing {@code what} (asked again on every tick, so it can count what is done) with the time so far.
     *
     * @param key names the line, e.g. the step; one activity per key at a time
     */
    public static Activity start(ProgressDisplay display, String key, Supplier<String> what) {
        return new Activity(display, key, what, System::nanoTime, true);
    }

    /** The line as shown now, e.g. {@code [validate] content of orders (table 3 of 12), 14.0 s so far}. */
    String line() {
        return what.get() + ", " + ProgressFormat.duration(elapsed()) + " so far";
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    /** Shows the line now; the timer calls it every second. */
    void tick() {
        display.show(key, line());
    }

    /** The work is done: its line goes away, and what the step prints next says how it ended. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                // A tick still drawing would put the line back after it is gone.
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        display.finish(key, null);
    }
}
