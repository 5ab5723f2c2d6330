package dev.lite2pg.postgres;

/** A target column filled by a sequence: a serial default, an explicit nextval() default, or an identity. */
public record SequenceUse(String sequence, String table, String column) {}
