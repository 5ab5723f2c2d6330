package dev.lite2pg.metrics;

/**
 * One table's figures for this run (a resumed table counts only what the resume did).
 *
 * @param table the target table
 * @param valuesRefused values the converters refused; a chunk holding one writes nothing and stops the table
 * @param chunks committed chunks that carried rows
 */
public record TableFigures(
        String table,
        long rowsRead,
        long rowsWritten,
        long valuesRefused,
        long chunks,
        double meanChunkMillis,
        double maxChunkMillis) {}
