package dev.lite2pg.report;

/**
 * Orphan references of one foreign key, counted in the source before the copy and in the target after it.
 *
 * @param sourceOrphans -1 when the key's columns are not all copied from the source, so it cannot be checked there
 * @param restoredAfterCopy the key was dropped to break a cycle and added back, validated, after the copy
 */
public record ForeignKeyCheck(
        String name,
        String table,
        String referencedTable,
        long sourceOrphans,
        long targetOrphans,
        boolean restoredAfterCopy) {

    public boolean ok() {
        return sourceOrphans <= 0 && targetOrphans == 0;
    }
}
