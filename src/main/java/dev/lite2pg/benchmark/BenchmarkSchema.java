package dev.lite2pg.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmark app's SQLite schema, declared the loose way such apps are: BOOLEAN and DATETIME columns that SQLite
 * stores as 0/1 integers and text, epoch seconds in INTEGER columns, JSON in TEXT, prices as REAL and NUMERIC (whose
 * affinity stores {@code 12.50} as REAL and {@code 12.00} as INTEGER). Four foreign keys, one of them nullable, and
 * seven secondary indexes. {@code sql/benchmark/V1__schema.sql} is the same schema in PostgreSQL with real types;
 * the names are the same on both sides so that the reference load and pgloader need no mapping either.
 */
final class BenchmarkSchema {

    static final List<String> TABLES = List.of("""
            CREATE TABLE users (
                id            INTEGER PRIMARY KEY,
                email         TEXT NOT NULL,
                display_name  TEXT NOT NULL,
                country       TEXT NOT NULL,
                is_active     BOOLEAN NOT NULL DEFAULT 1,
                is_admin      BOOLEAN NOT NULL DEFAULT 0,
                balance       NUMERIC NOT NULL DEFAULT 0,
                created_at    DATETIME NOT NULL,
                last_login_at DATETIME
            )""", """
            CREATE TABLE strategies (
                id           INTEGER PRIMARY KEY,
                user_id      INTEGER NOT NULL REFERENCES users (id),
                name         TEXT NOT NULL,
                description  TEXT,
                symbol       TEXT NOT NULL,
                is_public    BOOLEAN NOT NULL DEFAULT 0,
                is_paused    BOOLEAN NOT NULL DEFAULT 0,
                max_position REAL NOT NULL,
                risk_limit   NUMERIC NOT NULL,
                created_at   DATETIME NOT NULL,
                updated_at   INTEGER NOT NULL -- Unix epoch seconds
            )""", """
            CREATE TABLE alerts (
                id           INTEGER PRIMARY KEY,
                strategy_id  INTEGER NOT NULL REFERENCES strategies (id),
                kind         TEXT NOT NULL,
                payload      TEXT NOT NULL, -- JSON
                is_read      BOOLEAN NOT NULL DEFAULT 0,
                triggered_at INTEGER NOT NULL, -- Unix epoch seconds
                created_at   DATETIME NOT NULL
            )""", """
            CREATE TABLE orders (
                id              INTEGER PRIMARY KEY,
                client_order_id TEXT NOT NULL, -- a UUID made by the client
                user_id         INTEGER NOT NULL REFERENCES users (id),
                strategy_id     INTEGER REFERENCES strategies (id), -- NULL for manual orders
                symbol          TEXT NOT NULL,
                side            TEXT NOT NULL,
                quantity        INTEGER NOT NULL,
                price           REAL NOT NULL,
                limit_price     NUMERIC, -- NULL for market orders
                is_filled       BOOLEAN NOT NULL DEFAULT 0,
                placed_at       INTEGER NOT NULL, -- Unix epoch seconds
                filled_at       INTEGER -- Unix epoch seconds
            )""");

    /** Built after the rows are in, which is several times faster than maintaining them row by row. */
    static final List<String> INDEXES = List.of(
            "CREATE UNIQUE INDEX users_email ON users (email)",
            "CREATE INDEX strategies_user_id ON strategies (user_id)",
            "CREATE INDEX alerts_strategy_id ON alerts (strategy_id)",
            "CREATE INDEX alerts_triggered_at ON alerts (triggered_at)",
            "CREATE INDEX orders_user_id ON orders (user_id)",
            "CREATE INDEX orders_strategy_id ON orders (strategy_id)",
            "CREATE INDEX orders_placed_at ON orders (placed_at)");

    private BenchmarkSchema() {}

    static void createTables(Connection connection) throws SQLException {
        execute(connection, TABLES);
    }

    static void createIndexes(Connection connection) throws SQLException {
        execute(connection, INDEXES);
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
