package dev.lite2pg.draft;

/** A piece of SQLite SQL in PostgreSQL's terms, or the reason it was not translated. */
record Translation(String sql, String refusal) {

    static Translation of(String sql) {
        return new Translation(sql, null);
    }

    static Translation refused(String reason) {
        return new Translation(null, reason);
    }

    boolean translated() {
        return refusal == null;
    }
}
