package dev.lite2pg.copy;

/**
 * One value, or one reference, the target would refuse, with everything an operator needs to find and fix it: what
 * check and a refused cutover report, what a refused chunk lists, what the quarantine keeps.
 *
 * @param table the source table
 * @param rowKey the row as {@link RowKeys} names it, e.g. {@code id=3}
 * @param column the source column (for a foreign key over several columns, all of them, comma-separated)
 * @param value the value as {@link dev.lite2pg.convert.ValueDescriptions} shows it: storage class and a safe excerpt
 * @param reason why the target would refuse it, as the copy says it
 * @param kind the reason without what varies from value to value, so that like problems are counted together
 */
public record RowRefusal(String table, String rowKey, String column, String value, String reason, String kind) {

    /** Where like problems are counted: one source column and one kind of reason. */
    public record Group(String table, String column, String kind) {}

    public Group group() {
        return new Group(table, column, kind);
    }

    /** The same words whichever found the value: check, a refused cutover's console lines and a refused chunk. */
    @Override
    public String toString() {
        return table + " " + rowKey + ", column " + column + ": " + value + ": " + reason;
    }
}
