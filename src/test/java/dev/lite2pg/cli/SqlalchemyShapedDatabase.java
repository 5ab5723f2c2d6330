package dev.lite2pg.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A SQLite database as a SQLAlchemy application on SQLite leaves it: Boolean as 0/1 integers with
 * {@code CHECK (x IN (0, 1))}, DateTime as text {@code YYYY-MM-DD HH:MM:SS.ffffff}, JSON as text, Numeric, Enum as
 * VARCHAR with a CHECK, Uuid as CHAR(32) hex, foreign keys ON DELETE CASCADE, an alembic_version table. Plus a table of
 * adversarial columns that must fall back to the safe type: a boolean-named column holding a 2, a JSON column with one
 * non-JSON value, a timestamp column with one 'n/a', a column mixing epoch numbers and text; and a DATETIME of epoch
 * milliseconds.
 */
final class SqlalchemyShapedDatabase {

    static final int USERS = 120;
    static final int POSTS = 300;
    static final int ODDITIES = 50;

    private SqlalchemyShapedDatabase() {}

    static Path create(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE alembic_version (
                    \tversion_num VARCHAR(32) NOT NULL,\s
                    \tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
                    )""");
            st.execute("""
                    CREATE TABLE users (
                    \tid INTEGER NOT NULL,\s
                    \temail VARCHAR(255) NOT NULL,\s
                    \tis_active BOOLEAN NOT NULL,\s
                    \tcreated_at DATETIME NOT NULL,\s
                    \tsettings JSON,\s
                    \tbalance NUMERIC(12, 2),\s
                    \tstatus VARCHAR(7) NOT NULL,\s
                    \texternal_id CHAR(32) NOT NULL,\s
                    \tPRIMARY KEY (id),\s
                    \tUNIQUE (email),\s
                    \tCHECK (is_active IN (0, 1)),\s
                    \tCONSTRAINT userstatus CHECK (status IN ('active', 'banned', 'pending'))
                    )""");
            st.execute("""
                    CREATE TABLE posts (
                    \tid INTEGER NOT NULL,\s
                    \tuser_id INTEGER NOT NULL,\s
                    \ttitle VARCHAR(200) NOT NULL,\s
                    \tpublished INTEGER DEFAULT 0 NOT NULL,\s
                    \trating FLOAT,\s
                    \tbody TEXT,\s
                    \tupdated_at DATETIME DEFAULT (CURRENT_TIMESTAMP),\s
                    \tPRIMARY KEY (id),\s
                    \tFOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE,\s
                    \tCHECK (published IN (0, 1))
                    )""");
            st.execute("CREATE INDEX ix_posts_user_id ON posts (user_id)");
            st.execute("CREATE INDEX ix_posts_published ON posts (user_id) WHERE published = 1");
            st.execute("CREATE INDEX ix_users_lower_email ON users (lower(email))");
            st.execute("""
                    CREATE TABLE oddities (
                    \tid INTEGER PRIMARY KEY,
                    \tis_deleted INTEGER,
                    \textra TEXT,
                    \thappened_at DATETIME,
                    \tseen TIMESTAMP,
                    \tprice REAL,
                    \tlogged_at DATETIME
                    )""");
            c.setAutoCommit(false);
            st.execute("INSERT INTO alembic_version VALUES ('3f2a9c1b7d4e')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= USERS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "user" + i + "@example.com");
                    ps.setInt(3, i % 3 == 0 ? 0 : 1);
                    ps.setString(4, timestamp(i));
                    ps.setString(5, i % 10 == 0 ? null : "{\"theme\": \"dark\", \"n\": " + i + "}");
                    ps.setDouble(6, i * 1.25);
                    ps.setString(7, i % 5 == 0 ? "banned" : "active");
                    ps.setString(
                            8,
                            UUID.nameUUIDFromBytes(("u" + i).getBytes())
                                    .toString()
                                    .replace("-", ""));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO posts (id, user_id, title, published, rating, body, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= POSTS; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, 1 + i % USERS);
                    ps.setString(3, "Post " + i);
                    ps.setInt(4, i % 4 == 0 ? 1 : 0);
                    ps.setDouble(5, i * 0.1);
                    ps.setString(6, "body\nof post " + i);
                    ps.setString(7, timestamp(i + 7));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO oddities VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= ODDITIES; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i == 7 ? 2 : i % 2);
                    ps.setString(3, i == 11 ? "not json" : "{\"k\": [" + i + "]}");
                    ps.setString(4, i == 17 ? "n/a" : timestamp(i));
                    if (i % 2 == 0) {
                        ps.setLong(5, 1_700_000_000L + i);
                    } else {
                        ps.setString(5, timestamp(i));
                    }
                    ps.setDouble(6, i / 3.0);
                    ps.setLong(7, 1_700_000_000_000L + i * 1_001L);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return file;
    }

    private static String timestamp(int i) {
        return String.format(
                Locale.ROOT,
                "2024-%02d-%02d %02d:%02d:%02d.%06d",
                1 + i % 12,
                1 + i % 28,
                i % 24,
                i % 60,
                (i * 7) % 60,
                i * 1013 % 1_000_000);
    }
}
