package dev.lite2pg.copy;

/** One value that could not be copied exactly, with everything an operator needs to find and fix it. */
public record RowRefusal(String table, String rowKey, String column, String value, String reason) {

    @Override
    public String toString() {
        return table + " " + rowKey + ", column " + column + ": " + value + ": " + reason;
    }
}
