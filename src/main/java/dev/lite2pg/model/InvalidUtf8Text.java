package dev.lite2pg.model;

/**
 * A SQLite TEXT value whose bytes are not valid UTF-8. The reader hands it over instead of a lossy String,
 * so that a converter refuses it (or, for bytea, copies the bytes) rather than silently replacing characters.
 */
public record InvalidUtf8Text(byte[] bytes) {}
