package dev.lite2pg.checksum;

/**
 * The 64-bit mixing every value hash ends in: FNV-1a over a value's chars, finished by MurmurHash3's fmix64 so that
 * sums of hashes (a table's checksum) are spread over all 64 bits. Each kind of canonical form starts from its own
 * seed, so a parsed number and a text that happen to share chars never hash alike.
 */
final class Hashing {

    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {}

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Unfinished FNV-1a step: for hashes built char by char (JSON strings, digits), finished with {@link #mix}. */
    static long step(long h, int c) {
        return (h ^ c) * FNV_PRIME;
    }

    static long chars(long seed, CharSequence s, int from, int to) {
        long h = seed ^ (to - from);
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }

    static long chars(long seed, CharSequence s) {
        return chars(seed, s, 0, s.length());
    }

    static long of(long seed, long value) {
        return mix(seed * 0x9E3779B97F4A7C15L ^ value);
    }
}
