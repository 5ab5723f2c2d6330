package dev.lite2pg.source;

import java.util.Locale;

/**
 * How much of the source a run may hold in memory, in bytes, derived from the JVM's maximum heap: rows are counted,
 * but a few wide rows can weigh more than thousands of narrow ones. A value is held several times over on its way to
 * PostgreSQL (as read, converted, COPY-encoded: bytea hex doubles it), so one value may take at most a 24th of the
 * heap, and a page of rows (the copy's chunk, a scan or content-check page) closes once its values hold
 * a 16th of the heap shared by the readers working at once. {@code bin/lite2pg}'s {@code -Xmx384m} allows a value of
 * 16 MiB, and pages of 12 MiB with two tables at once.
 *
 * @param valueBytes the largest value that is read; a larger one is refused by name (see {@link OversizedValue})
 * @param pageBytes the bytes of values after which a page (or chunk) closes; it always holds at least one row
 */
public record ReadBudget(long valueBytes, long pageBytes) {

    /** A value may take this share of the heap: read, converted and encoded it is held about seven times. */
    static final int HEAP_PER_VALUE = 24;
    /** The pages of all the readers at once may take this share of the heap: each is held up to about four times. */
    static final int HEAP_PER_PAGES = 16;

    private static final long MIN_PAGE_BYTES = 1 << 20;

    public ReadBudget {
        if (valueBytes < 1 || pageBytes < 1) {
            throw new IllegalArgumentException("a read budget must be positive: " + valueBytes + ", " + pageBytes);
        }
    }

    /** @param readersAtOnce tables copied at once, or threads of a scan or content check */
    public static ReadBudget forHeap(long maxHeapBytes, int readersAtOnce) {
        return new ReadBudget(
                maxHeapBytes / HEAP_PER_VALUE,
                Math.max(MIN_PAGE_BYTES, maxHeapBytes / HEAP_PER_PAGES / Math.max(1, readersAtOnce)));
    }

    public static ReadBudget forThisJvm(int readersAtOnce) {
        return forHeap(Runtime.getRuntime().maxMemory(), readersAtOnce);
    }

    /** Why a value of {@code bytes} is refused, and what to do about it. */
    public String oversizedReason(long bytes) {
        long heapMiB = (bytes * HEAP_PER_VALUE + (1 << 20) - 1) >> 20;
        return String.format(
                Locale.ROOT,
                "value of %,d bytes is larger than the %,d bytes a value may have with this"
                        + " heap (a %dth of it); run with a larger heap (LITE2PG_JAVA_OPTS=-Xmx%dm or more) or make the value"
                        + " smaller in the source",
                bytes,
                valueBytes,
                HEAP_PER_VALUE,
                heapMiB);
    }
}
