package dev.lite2pg.check;

/**
 * One value, or one reference, the target would refuse, with everything an operator needs to find and fix it.
 *
 * @param table the source table
 * @param rowKey the row as {@link dev.lite2pg.copy.RowKeys} names it, e.g. {@code id=3}
 * @param column the source column (for a foreign key over several columns, all of them, comma-separated)
 * @param value the value as {@link dev.lite2pg.convert.ValueDescriptions} shows it: storage class and a safe excerpt
 * @param reason why the target would refuse it, as the copy would say it
 * @param kind the reason without what varies from value to value, so that like problems are counted together
 */
public record BadValue(String table, String rowKey, String column, String value, String reason, String kind) {

    /** Where like problems are counted: one source column and one kind of reason. */
    public record Group(String table, String column, String kind) {
    }

    public Group group() {
        return new Group(table, column, kind);
    }

    /** Worded as a refused chunk words it, so the console reads the same whichever found the value. */
    @Override
    public String toString() {
        return table + " " + rowKey + ", column " + column + ": " + value + ": " + reason;
    }
}
