package dev.lite2pg.report;

/**
 * One sequence after the copy.
 *
 * @param highestCopied the largest id copied into the columns it feeds, null when they are empty
 * @param sqliteHighWater SQLite's AUTOINCREMENT mark (sqlite_sequence) for the source table, null when there is none
 * @param nextValue what nextval() returns next, read without consuming it
 */
public record SequenceCheck(
        String sequence, String table, String column, Long highestCopied, Long sqliteHighWater, long nextValue) {

    public boolean ok() {
        long floor = Math.max(highestCopied == null ? 0 : highestCopied, sqliteHighWater == null ? 0 : sqliteHighWater);
        return nextValue > floor;
    }
}
