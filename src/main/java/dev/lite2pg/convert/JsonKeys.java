package dev.lite2pg.convert;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The keys of every object of one jsonb value, to find a key given twice in the same object. Keys are compared as
 * decoded strings, as jsonb compares them (a key written with a unicode escape equals the same key written plainly),
 * but only ever decoded when they have escapes and their hashes match: a key is a slice of the value's text plus the
 * hash of its decoded characters.
 *
 * <p>That hash is 64 bits, mixed per character and seeded with a random number drawn once per process
 * ({@link #SEED}), so no one preparing a value can make distinct keys share it, as "Aa" and "BB" share
 * {@link String#hashCode()}: with a fixed 32-bit hash 65,536 such keys in one object cost 2^31 comparisons (22 s for
 * one 2.4 MB value); with this one every key is expected to land near its own slot, whatever the keys.
 *
 * <p>One open-addressing table holds the keys of all the value's objects, keyed by (object ordinal, key): a key is
 * only checked against its own object's, and nothing needs removing when an object closes. Between values the table
 * is emptied by bumping a generation number instead of clearing it, so a value allocates nothing unless it has more
 * keys than any value before it on this instance (then the table doubles; an exceptionally large one is dropped
 * after that value).
 */
final class JsonKeys {

    /** Where every key's hash starts: unknown before the process runs, so colliding keys cannot be prepared. */
    static final long SEED = new SecureRandom().nextLong();

    private static final int INITIAL_SLOTS = 64;
    private static final int KEPT_SLOTS = 1 << 14;

    private String text;
    private int generation;
    /** Per slot: the entry it holds, valid only when its generation is the current one. */
    private int[] slotEntry = new int[INITIAL_SLOTS];

    private int[] slotGeneration = new int[INITIAL_SLOTS];
    /** Per entry (a key seen in this value): its object, hash, slice of the text, and whether it has escapes. */
    private int[] object = new int[INITIAL_SLOTS / 2];

    private long[] hash = new long[INITIAL_SLOTS / 2];
    private int[] start = new int[INITIAL_SLOTS / 2];
    private int[] end = new int[INITIAL_SLOTS / 2];
    private boolean[] escaped = new boolean[INITIAL_SLOTS / 2];
    private int count;
    private final StringBuilder left = new StringBuilder();
    private final StringBuilder right = new StringBuilder();

    void start(String value) {
        text = value;
        count = 0;
        if (++generation == 0) {
            Arrays.fill(slotGeneration, 0);
            generation = 1;
        }
    }

    void end() {
        text = null;
        if (slotEntry.length > KEPT_SLOTS) {
            slotEntry = new int[INITIAL_SLOTS];
            slotGeneration = new int[INITIAL_SLOTS];
            object = new int[INITIAL_SLOTS / 2];
            hash = new long[INITIAL_SLOTS / 2];
            start = new int[INITIAL_SLOTS / 2];
            end = new int[INITIAL_SLOTS / 2];
            escaped = new boolean[INITIAL_SLOTS / 2];
            generation = 0;
        }
        if (left.capacity() > KEPT_SLOTS || right.capacity() > KEPT_SLOTS) {
            left.setLength(0);
            left.trimToSize();
            right.setLength(0);
            right.trimToSize();
        }
    }

    /**
     * Records the key between {@code from} and {@code to} (the text inside its quotes) of object {@code ordinal}.
     *
     * @return false when that object already has an equal key
     */
    boolean add(int ordinal, int from, int to, long keyHash, boolean hasEscapes) {
        if (count == object.length) {
            grow();
        }
        int mask = slotEntry.length - 1;
        for (int slot = slot(ordinal, keyHash) & mask; ; slot = (slot + 1) & mask) {
            if (slotGeneration[slot] != generation) {
                slotGeneration[slot] = generation;
                slotEntry[slot] = count;
                object[count] = ordinal;
                hash[count] = keyHash;
                start[count] = from;
                end[count] = to;
                escaped[count] = hasEscapes;
                count++;
                return true;
            }
            int e = slotEntry[slot];
            if (hash[e] == keyHash && object[e] == ordinal && same(e, from, to, hasEscapes)) {
                return false;
            }
        }
    }

    private boolean same(int e, int from, int to, boolean hasEscapes) {
        if (!hasEscapes && !escaped[e]) {
            return to - from == end[e] - start[e] && text.regionMatches(from, text, start[e], to - from);
        }
        left.setLength(0);
        right.setLength(0);
        return CharSequence.compare(decode(text, start[e], end[e], left), decode(text, from, to, right)) == 0;
    }

    /** One more decoded character into a key's hash (starting from {@link #SEED}); each step is a bijection. */
    static long mix(long h, char c) {
        h = (h ^ c) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private static int slot(int ordinal, long keyHash) {
        long h = keyHash + ordinal * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        return (int) (h ^ (h >>> 33));
    }

    /** Twice the room, every key of the value re-inserted. Keeps the load factor at most one half. */
    private void grow() {
        int entries = object.length * 2;
        object = Arrays.copyOf(object, entries);
        hash = Arrays.copyOf(hash, entries);
        start = Arrays.copyOf(start, entries);
        end = Arrays.copyOf(end, entries);
        escaped = Arrays.copyOf(escaped, entries);
        slotEntry = new int[entries * 2];
        slotGeneration = new int[entries * 2];
        int mask = slotEntry.length - 1;
        for (int e = 0; e < count; e++) {
            int slot = slot(object[e], hash[e]) & mask;
            while (slotGeneration[slot] == generation) {
                slot = (slot + 1) & mask;
            }
            slotGeneration[slot] = generation;
            slotEntry[slot] = e;
        }
    }

    /** The decoded text of a key between its quotes; the validator has already checked its escapes. */
    static String decode(String text, int from, int to) {
        return decode(text, from, to, new StringBuilder(to - from)).toString();
    }

    private static StringBuilder decode(String text, int from, int to, StringBuilder out) {
        for (int p = from; p < to; p++) {
            char c = text.charAt(p);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(++p);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text, p + 1, p + 5, 16));
                    p += 4;
                }
                default -> out.append(e);
            }
        }
        return out;
    }
}
