package dev.lite2pg.checksum;

/**
 * A 64-bit hash of a value's canonical form, given the value's text as COPY carries it (never NULL). Soundness is the
 * one rule: two texts hash alike only if PostgreSQL's input function stores the same value from both. A hash that
 * separates texts PostgreSQL would store alike is merely too strict: the content check then falls back to comparing
 * through PostgreSQL, which decides.
 */
@FunctionalInterface
public interface ValueHash {

    long of(String text);
}
