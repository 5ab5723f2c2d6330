package dev.lite2pg.quarantine;

/**
 * A source row set aside instead of copied, with everything needed to find it, fix it and copy it by hand.
 *
 * @param table the target table the row was meant for
 * @param sourceTable the SQLite table it comes from
 * @param rowKey the row as an operator finds it: primary key values, else rowid
 * @param sourceKey the reader's key of the row (rowid, or the primary key of a WITHOUT ROWID table) as a JSON array;
 *     null for a row found in the target (a child of a quarantined parent), which the reader never named
 * @param row the whole row as JSON: the source values for a row refused on its way in, the copied values for a row
 *     taken out of the target afterwards
 * @param column the column(s) at fault, or the foreign key's columns
 * @param value the offending value as text, when there is one
 * @param reason why, in words an operator can act on
 */
public record QuarantinedRow(
        String table,
        String sourceTable,
        String rowKey,
        String sourceKey,
        String row,
        String column,
        String value,
        String reason,
        Origin origin) {

    public enum Origin {
        /** A value no target type could hold exactly: refused by lite2pg's conversion. */
        VALUE,
        /** Refused by PostgreSQL during the COPY: unique index, CHECK, enum, domain, NOT NULL. */
        POSTGRES,
        /** Its parent row is not in the target: quarantined itself, or missing from the source. */
        PARENT,
        /** Its parent row is not in the target and orphans: delete removed it, as ON DELETE CASCADE would have. */
        DELETED,
        /**
         * Its parent row is not in the target and orphans: set-null set the reference to NULL, as ON DELETE SET NULL
         * would have: the row stays in the target, recorded here with its values before the change.
         */
        SET_NULL;

        /** The row left the target (or never went in): the row counts reconcile source = target + these. */
        public boolean removed() {
            return this != SET_NULL;
        }
    }
}
