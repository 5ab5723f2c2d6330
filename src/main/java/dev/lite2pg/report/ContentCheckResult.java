package dev.lite2pg.report;

import java.util.List;

/**
 * The full-table content check of one table, over the columns the copy wrote: every source row converted as the copy
 * converts it and stored by PostgreSQL into a scratch table, against every row the target holds. Both sides are
 * parsed and checksummed by PostgreSQL itself, so its normalisation (jsonb key order, numeric scale, t/f) is the
 * same on both and only a real difference shows.
 *
 * @param sourceChecksum order-independent checksum of the source rows as PostgreSQL stores them
 * @param targetChecksum the same over the target rows
 * @param firstDifferences the first differing rows by key (the whole row when the table has no primary key), each
 *                         saying how it differs; empty when the contents match
 */
public record ContentCheckResult(
        String table,
        long sourceRows,
        long targetRows,
        String sourceChecksum,
        String targetChecksum,
        boolean matches,
        List<String> firstDifferences) {

    public ContentCheckResult {
        firstDifferences = List.copyOf(firstDifferences);
    }
}
