package dev.lite2pg.cli;

import static dev.lite2pg.cli.EdgeCaseDatabase.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a SQLite file full of the bad input real applications leave behind, with the Flyway migration of its
 * target, and knows which rows are bad and why. Each bad row has exactly one fault, so a test can hold lite2pg to
 * naming each one with its table, key, column and reason; every other row is good and must arrive exactly.
 */
final class BadInputDatabase {

    /** The target table name with quotes, a semicolon and spaces: nothing of it may be executed. */
    static final String WEIRD_TABLE = "we\"ird; DROP TABLE kinds; --";

    static final String WEIRD_COLUMN = "semi;colon \"q\" col";

    /**
     * One bad row.
     *
     * @param origin where lite2pg finds it: VALUE (its conversion), POSTGRES (PostgreSQL refuses it), PARENT (its
     *     parent is missing or set aside)
     */
    record Bad(String table, String key, String column, String reason, String origin) {}

    static final List<Bad> BAD = List.of(
            new Bad("kinds", "id=101", "flag", "not a boolean", "VALUE"),
            new Bad("kinds", "id=102", "flag", "not a boolean", "VALUE"),
            new Bad("kinds", "id=103", "day", "2024-02-30", "VALUE"),
            new Bad("kinds", "id=104", "at", "24:00:00 is not a valid time of day", "VALUE"),
            new Bad("kinds", "id=105", "happened", "not a timestamp", "VALUE"),
            new Bad("kinds", "id=106", "payload", "invalid JSON", "VALUE"),
            new Bad("kinds", "id=107", "payload", "\\u0000", "VALUE"),
            new Bad("kinds", "id=108", "note", "NUL", "VALUE"),
            new Bad("kinds", "id=109", "note", "UTF-8", "VALUE"),
            new Bad("kinds", "id=110", "n4", "integer", "VALUE"),
            new Bad("kinds", "id=111", "n8", "bigint", "VALUE"),
            new Bad("kinds", "id=112", "price", "numeric(6,2)", "VALUE"),
            new Bad("kinds", "id=113", "code", "character varying(5)", "VALUE"),
            new Bad("person", "id=3", "email", "NULL into NOT NULL", "VALUE"),
            new Bad("person", "id=4", "(row)", "customer_email_lower", "POSTGRES"),
            new Bad("person", "id=5", "mood", "invalid input value for enum", "POSTGRES"),
            new Bad("person", "id=6", "(row)", "person_age_check", "POSTGRES"),
            new Bad("pet", "id=21", "owner_id", "person (id) = (999) is not in the source", "PARENT"),
            new Bad("pet", "id=22", "owner_id", "person (id) = (4) was quarantined", "PARENT"));

    static final String MIGRATION = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TABLE kinds (
                id integer PRIMARY KEY,
                flag boolean,
                day date,
                at time,
                happened timestamp,
                payload jsonb,
                note text,
                n4 integer,
                n8 bigint,
                price numeric(6,2),
                code varchar(5)
            );
            CREATE TABLE person (
                id integer PRIMARY KEY,
                email text NOT NULL,
                mood mood,
                age integer CONSTRAINT person_age_check CHECK (age >= 0)
            );
            CREATE UNIQUE INDEX customer_email_lower ON person (lower(email));
            CREATE TABLE pet (
                id integer PRIMARY KEY,
                owner_id integer REFERENCES person (id),
                name text
            );
            CREATE TABLE nopk (word text, n integer);
            CREATE TABLE "we""ird; DROP TABLE kinds; --" (
                id integer PRIMARY KEY,
                "semi;colon ""q"" col" text
            );
            """;

    private BadInputDatabase() {}

    /** Writes the SQLite file and the migration folder; returns the migration folder. */
    static Path write(Path sqlite, Path migrations) throws Exception {
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__schema.sql"), MIGRATION);
        try (EdgeCaseDatabase db = EdgeCaseDatabase.at(sqlite)) {
            db.sql(
                    "CREATE TABLE kinds (id INTEGER PRIMARY KEY, flag, day, at, happened, payload, note, n4, n8, price, code)",
                    "CREATE TABLE person (id INTEGER PRIMARY KEY, email TEXT, mood TEXT, age INTEGER)",
                    "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER, name TEXT)",
                    "CREATE TABLE nopk (word TEXT, n INTEGER)",
                    "CREATE TABLE \"we\"\"ird; DROP TABLE kinds; --\" (id INTEGER PRIMARY KEY, \"semi;colon \"\"q\"\" col\" TEXT)");
            db.rows(
                    "INSERT INTO kinds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row(
                            1,
                            1,
                            "2024-02-29",
                            "23:59:59.999999",
                            "2024-02-29 12:30:00.5",
                            "{\"b\": 1, \"a\": [true, null]}",
                            "tab\tand \\ backslash",
                            2147483647,
                            9223372036854775807L,
                            "9999.99",
                            "abcde"),
                    row(
                            2,
                            0,
                            "2023-12-31",
                            "00:00:00",
                            1700000000,
                            "\"just a string\"",
                            "é",
                            -2147483648,
                            -9223372036854775808L,
                            -0.5,
                            ""),
                    row(3, null, null, null, null, null, null, null, null, null, null),
                    row(101, 2, null, null, null, null, null, null, null, null, null),
                    row(102, "yes", null, null, null, null, null, null, null, null, null),
                    row(103, null, "2024-02-30", null, null, null, null, null, null, null, null),
                    row(104, null, null, "24:00:00", null, null, null, null, null, null, null),
                    row(105, null, null, null, "soon", null, null, null, null, null, null),
                    row(106, null, null, null, null, "{\"a\":", null, null, null, null, null),
                    row(107, null, null, null, null, "{\"a\": \"x\\u0000y\"}", null, null, null, null, null),
                    row(110, null, null, null, null, null, null, 2147483648L, null, null, null),
                    row(112, null, null, null, null, null, null, null, null, "12345.678", null),
                    row(113, null, null, null, null, null, null, null, null, null, "toolong"));
            db.sql(
                    "INSERT INTO kinds (id, note) VALUES (108, 'a' || char(0) || 'b')",
                    "INSERT INTO kinds (id, note) VALUES (109, CAST(X'41FF' AS TEXT))",
                    // Beyond int8: SQLite keeps the integer literal as a REAL.
                    "INSERT INTO kinds (id, n8) VALUES (111, 9223372036854775808)");
            db.rows(
                    "INSERT INTO person VALUES (?, ?, ?, ?)",
                    row(1, "ann@example.com", "happy", 30),
                    row(2, "bob@example.com", "sad", 0),
                    row(3, null, "sad", 20),
                    row(4, "ANN@example.com", "happy", 50),
                    row(5, "cid@example.com", "angry", 20),
                    row(6, "dee@example.com", "sad", -1));
            db.rows(
                    "INSERT INTO pet VALUES (?, ?, ?)",
                    row(20, 1, "rex"),
                    row(21, 999, "ghost"),
                    row(22, 4, "tom"),
                    row(23, null, "stray"));
            db.rows("INSERT INTO nopk VALUES (?, ?)", row("twice", 1), row("twice", 1), row("once", 2));
            db.rows(
                    "INSERT INTO \"we\"\"ird; DROP TABLE kinds; --\" VALUES (?, ?)",
                    row(1, "'); DROP TABLE person; --"),
                    row(2, "\"quoted\""));
        }
        return migrations;
    }
}
