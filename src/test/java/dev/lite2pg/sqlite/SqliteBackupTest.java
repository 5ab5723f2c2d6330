package dev.lite2pg.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online backup and the read-only open refuse what they cannot read instead of copying an empty database. */
class SqliteBackupTest {

    @TempDir
    Path work;

    @Test
    void aSourceLockedByAnotherConnectionIsRefusedAfterTheWaitAndNamedAsLocked() throws Exception {
        Path source = database("locked.sqlite", "t");
        Path destination = work.resolve("snap.sqlite");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = holder.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("BEGIN EXCLUSIVE");
            long start = System.nanoTime();
            assertThatThrownBy(() -> SqliteBackup.copy(source, destination, Duration.ofMillis(600)))
                    .isInstanceOf(Lite2pgException.class)
                    .satisfies(e -> assertThat(((Lite2pgException) e).code()).isEqualTo(ErrorCode.PRECONDITION))
                    .hasMessageContaining("cannot take a snapshot of source database " + source)
                    .hasMessageContaining("another process holds a lock on " + source)
                    .hasMessageContaining("Nothing was written");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("it waited for the lock first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600));
            st.execute("COMMIT");
        }
        assertThat(SqliteBackup.copy(source, destination, Duration.ofMillis(600)))
                .as("once the lock is gone it copies")
                .isEqualTo(1);
    }

    @Test
    void theBackupCountsTheTablesLite2pgCopiesAsTheSourceListsThem() throws Exception {
        Path source = database("three.sqlite", "a", "b");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE c (id INTEGER PRIMARY KEY AUTOINCREMENT)"); // adds sqlite_sequence, which is not
            // copied
            st.execute("CREATE VIEW v AS SELECT * FROM a");
            st.execute(
                    "CREATE VIRTUAL TABLE f USING fts5(body)"); // and its shadow tables f_data, f_idx, ...: not copied
        }
        assertThat(SqliteBackup.copy(source, work.resolve("snap.sqlite"))).isEqualTo(3);
        try (SqliteSource listed = SqliteSource.open(source)) {
            assertThat(listed.tables()).extracting(t -> t.name()).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aPathWithAQuestionMarkOpensThatFileNotTheOneNamedBeforeTheQuestionMark() throws Exception {
        database("db.sqlite", "beside");
        Path questioned = database("db.sqlite?synchronous=off", "wanted");
        Path hashed = database("a b#c%41.sqlite", "hashed");
        try (SqliteSource source = SqliteSource.open(questioned)) {
            assertThat(source.tables()).extracting(t -> t.name()).containsExactly("wanted");
        }
        try (SqliteSource source = SqliteSource.open(hashed)) {
            assertThat(source.tables()).extracting(t -> t.name()).containsExactly("hashed");
        }
        Path snapshot = work.resolve("snap?x=1.sqlite");
        assertThat(SqliteBackup.copy(questioned, snapshot)).isEqualTo(1);
        assertThat(Files.exists(work.resolve("snap")))
                .as("the destination's name is not cut at the ?")
                .isFalse();
        try (SqliteSource copied = SqliteSource.open(snapshot)) {
            assertThat(copied.tables()).extracting(t -> t.name()).containsExactly("wanted");
        }
    }

    private Path database(String name, String... tables) throws Exception {
        // Written under a plain name and then renamed: how the file is made must not depend on the code under test.
        Path plain = Files.createTempFile(work, "new", ".sqlite");
        Files.delete(plain);
        Path file = work.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain);
                Statement st = c.createStatement()) {
            for (String table : tables) {
                st.execute("CREATE TABLE \"" + table + "\" (id INTEGER PRIMARY KEY, v TEXT)");
                st.execute("INSERT INTO \"" + table + "\" VALUES (1, 'x')");
            }
        }
        Files.move(plain, file);
        return file;
    }
}
