package dev.lite2pg.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceSnapshotTest {

    @TempDir
    Path work;

    @Test
    void snapshotOfALiveWalDatabaseHoldsItsCommittedRowsAndLeavesTheSourceAsItWas() throws Exception {
        Path source = work.resolve("live.sqlite");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = app.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            st.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            assertThat(Files.size(Path.of(source + "-wal")))
                    .as("the rows are only in the write-ahead log")
                    .isPositive();
            String sourceSha = SourceFingerprint.sha256(source);
            String walSha = SourceFingerprint.sha256(Path.of(source + "-wal"));

            SourceSnapshot snapshot =
                    SourceSnapshot.take(source, work.resolve("work").resolve("snap.sqlite"));

            assertThat(SourceFingerprint.sha256(source)).isEqualTo(sourceSha);
            assertThat(SourceFingerprint.sha256(Path.of(source + "-wal"))).isEqualTo(walSha);
            assertThat(snapshot.sha256()).isEqualTo(SourceFingerprint.sha256(snapshot.file()));
            assertThat(snapshot.stamp()).isEqualTo(SourceStamp.of(source));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot.file());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*), group_concat(v, ''), (SELECT journal_mode FROM pragma_journal_mode) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("abc");
                assertThat(rs.getString(3))
                        .as("no -wal file needed beside the snapshot")
                        .isEqualTo("delete");
            }
            assertThat(Files.exists(Path.of(snapshot.file() + ".partial"))).isFalse();

            st.execute("INSERT INTO t VALUES (4, 'd')");
            assertThat(SourceStamp.of(source))
                    .as("a later write shows in the stamp")
                    .isNotEqualTo(snapshot.stamp());
        }
    }

    @Test
    void lite2pgsOwnReadOnlyOpenOfACheckpointedWalSourceDoesNotCountAsAWrite() throws Exception {
        Path source = work.resolve("checkpointed.sqlite");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = app.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE t (x)");
            st.execute("INSERT INTO t VALUES (1)");
        }
        assertThat(Files.exists(Path.of(source + "-wal")))
                .as("the application's last close checkpointed and removed the log")
                .isFalse();

        SourceSnapshot snapshot = SourceSnapshot.take(source, work.resolve("snap.sqlite"));

        assertThat(SourceStamp.of(source)).isEqualTo(snapshot.stamp());
    }

    @Test
    void aSnapshotThatIsGoneOrAlteredIsNamedAsSuch() throws Exception {
        Path source = work.resolve("s.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x)");
        }
        SourceSnapshot snapshot = SourceSnapshot.take(source, work.resolve("snap.sqlite"));
        assertThat(SourceSnapshot.problem(snapshot.file(), snapshot.sha256())).isEmpty();

        Files.write(snapshot.file(), new byte[] {1}, StandardOpenOption.APPEND);
        assertThat(SourceSnapshot.problem(snapshot.file(), snapshot.sha256()))
                .get()
                .asString()
                .contains("has changed")
                .contains(snapshot.sha256());

        Files.delete(snapshot.file());
        assertThat(SourceSnapshot.problem(snapshot.file(), snapshot.sha256()))
                .get()
                .asString()
                .contains("is gone");
    }

    @Test
    void aMissingSourceIsRefusedByName() {
        Path missing = work.resolve("missing.sqlite");
        assertThatThrownBy(() -> SourceSnapshot.take(missing, work.resolve("snap.sqlite")))
                .isInstanceOf(Lite2pgException.class)
                .hasMessageContaining(missing.toString());
        assertThat(Files.exists(missing)).as("never created").isFalse();
    }

    static Stream<Arguments> unreadableSources() {
        return Stream.of(
                Arguments.of("text.sqlite", "is not a SQLite database", (Writer)
                        f -> Files.writeString(f, "id,name\n1,Ann\n")),
                Arguments.of("random.sqlite", "is not a SQLite database", (Writer) f -> Files.write(f, randomBytes())),
                Arguments.of("empty.sqlite", "is empty (0 bytes)", (Writer) f -> Files.write(f, new byte[0])),
                Arguments.of("damaged.sqlite", "is not a SQLite database", (Writer) SourceSnapshotTest::damagedHeader));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableSources")
    void aSourceThatIsNotASqliteDatabaseIsRefusedByNameAndLeavesNoSnapshot(String name, String reason, Writer write)
            throws Exception {
        Path source = work.resolve(name);
        write.to(source);
        byte[] before = Files.readAllBytes(source);
        Path snapshot = work.resolve("work").resolve("snap.sqlite");

        assertThatThrownBy(() -> SourceSnapshot.take(source, snapshot))
                .isInstanceOf(Lite2pgException.class)
                .satisfies(e -> assertThat(((Lite2pgException) e).code()).isEqualTo(ErrorCode.PRECONDITION))
                .hasMessageContaining("source database " + source + " " + reason)
                .hasMessageContaining("Nothing was written");
        assertThat(snapshot).doesNotExist();
        assertThat(Path.of(snapshot + ".partial")).doesNotExist();
        assertThat(Files.readAllBytes(source))
                .as("the source is left as it was")
                .isEqualTo(before);
    }

    @Test
    void aFileWithSqlitesHeaderButNothingSqliteCanReadAfterItIsRefusedWithSqlitesReason() throws Exception {
        Path source = work.resolve("header-only.sqlite");
        byte[] bytes = randomBytes();
        System.arraycopy("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        Files.write(source, bytes);
        Path snapshot = work.resolve("snap.sqlite");

        assertThatThrownBy(() -> SourceSnapshot.take(source, snapshot))
                .isInstanceOf(Lite2pgException.class)
                .hasMessageContaining("cannot take a snapshot of source database " + source)
                .hasMessageContaining("SQLITE_")
                .hasMessageContaining("Nothing was written");
        assertThat(snapshot).doesNotExist();
        assertThat(Path.of(snapshot + ".partial")).doesNotExist();
    }

    @Test
    void aSnapshotRecordsHowManyTablesTheSourceHeld() throws Exception {
        Path source = work.resolve("two.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE a (x)");
            st.execute("CREATE TABLE b (x)");
        }
        assertThat(SourceSnapshot.take(source, work.resolve("snap.sqlite")).sourceTables())
                .isEqualTo(2);
    }

    interface Writer {
        void to(Path file) throws Exception;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8192];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    /** A real database whose first page lost its first bytes. */
    private static void damagedHeader(Path file) throws Exception {
        Path good = Files.createTempFile("good", ".sqlite");
        Files.delete(good);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + good);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            st.execute("INSERT INTO t VALUES (1, 'a')");
        }
        byte[] bytes = Files.readAllBytes(good);
        Files.delete(good);
        bytes[0] = 'X';
        Files.write(file, bytes);
    }
}
