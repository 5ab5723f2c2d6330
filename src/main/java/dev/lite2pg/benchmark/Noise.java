package dev.lite2pg.benchmark;

/**
 * Deterministic pseudo-random numbers addressed by (table, row id, field) instead of drawn in sequence: every value
 * depends only on the seed and its address, so a row is the same whatever the scale and whichever order rows are made
 * in. SplitMix64's finalizer mixes the address; it is fast and its output passes the usual statistical tests.
 */
final class Noise {
    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** 64 well-mixed bits for one field of one row. */
    long bits(int table, long id, int field) {
        return mix(mix(seed ^ (table * 0x9E3779B97F4A7C15L)) + id * 0xBF58476D1CE4E5B9L + field * 0x94D049BB133111EBL);
    }

    /** A value in {@code [0, bound)} for one field of one row. */
    int below(int table, long id, int field, int bound) {
        return (int) Long.remainderUnsigned(bits(table, id, field), bound);
    }

    /** A value in {@code [0, bound)} for one field of one row. */
    long belowLong(int table, long id, int field, long bound) {
        return Long.remainderUnsigned(bits(table, id, field), bound);
    }

    /** True for about {@code percent} out of 100 rows. */
    boolean percent(int table, long id, int field, int percent) {
        return below(table, id, field, 100) < percent;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
