package dev.lite2pg.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.source.LiveChanges.TableRows;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveChangesTest {

    @TempDir
    Path work;

    /** The application's connection: kept open, so that a WAL-mode source keeps its log (closing checkpoints it). */
    private Connection app;

    private Path source;

    @AfterEach
    void closeApp() throws SQLException {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void anUntouchedSourceHasNotChanged(String journalMode) throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot(journalMode);

        LiveChanges changes = LiveChanges.since(snapshot.file(), source);

        assertThat(changes.none()).isTrue();
        assertThat(changes.pagesDiffering()).isZero();
        assertThat(changes.pages()).isEqualTo(Files.size(snapshot.file()) / 4096);
        assertThat(changes.tables())
                .containsExactly(new TableRows("alerts", 2_000, 2_000), new TableRows("orders", 1_500, 1_500));
        if (journalMode.equals("WAL")) {
            assertThat(Files.size(source))
                    .as("the rows are still only in the write-ahead log, as when the snapshot was taken")
                    .isEqualTo(4096);
            assertThat(changes.walPages()).isPositive();
        } else {
            assertThat(changes.walPages()).isZero();
        }
        assertThat(changes.describe())
                .isEqualTo("the live source has not changed since the snapshot: all " + changes.pages()
                        + " pages are the same");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void anInsertAnUpdateAndADeleteAreSeenInPagesAndCounts(String journalMode) throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot(journalMode);

        write("INSERT INTO alerts (body) VALUES ('new')");
        LiveChanges inserted = LiveChanges.since(snapshot.file(), source);
        assertThat(inserted.none()).isFalse();
        assertThat(inserted.pagesDiffering()).isPositive();
        assertThat(inserted.tables())
                .containsExactly(new TableRows("alerts", 2_000, 2_001), new TableRows("orders", 1_500, 1_500));
        assertThat(inserted.describe()).endsWith("; rows now (at the snapshot): alerts 2,001 (2,000)");

        write("DELETE FROM alerts WHERE body = 'new'");
        write("UPDATE orders SET total = total + 1 WHERE id = 700");
        LiveChanges updated = LiveChanges.since(snapshot.file(), source);
        assertThat(updated.none()).as("the same counts, other values").isFalse();
        assertThat(updated.pagesDiffering()).isPositive();
        assertThat(updated.tables()).allMatch(t -> !t.changed());
        assertThat(updated.describe()).endsWith("; row counts unchanged");

        write("DELETE FROM orders WHERE id > 1000");
        LiveChanges deleted = LiveChanges.since(snapshot.file(), source);
        assertThat(deleted.tables())
                .containsExactly(new TableRows("alerts", 2_000, 2_000), new TableRows("orders", 1_500, 1_000));
        assertThat(deleted.describe()).endsWith("; rows now (at the snapshot): orders 1,000 (1,500)");

        if (journalMode.equals("WAL")) {
            assertThat(Files.size(source))
                    .as("every change sits in the write-ahead log")
                    .isEqualTo(4096);
            assertThat(deleted.walPages()).isPositive();
            assertThat(deleted.describe()).contains(" pages in its write-ahead log");
            write("PRAGMA wal_checkpoint(TRUNCATE)");
            LiveChanges checkpointed = LiveChanges.since(snapshot.file(), source);
            assertThat(checkpointed.walPages())
                    .as("the log was emptied into the main file")
                    .isZero();
            assertThat(checkpointed.pagesDiffering())
                    .as("the same changes, whether in the log or in the main file")
                    .isEqualTo(deleted.pagesDiffering());
            assertThat(checkpointed.describe()).doesNotContain("write-ahead log");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void aTableCreatedOrDroppedSinceCountsZeroRowsWhereItIsNot(String journalMode) throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot(journalMode);

        write("CREATE TABLE refunds (id INTEGER PRIMARY KEY, amount INTEGER)");
        write("INSERT INTO refunds (amount) VALUES (5), (6), (7)");
        write("DROP TABLE orders");
        LiveChanges changes = LiveChanges.since(snapshot.file(), source);

        assertThat(changes.tables())
                .containsExactly(
                        new TableRows("alerts", 2_000, 2_000),
                        new TableRows("orders", 1_500, 0),
                        new TableRows("refunds", 0, 3));
        assertThat(changes.describe()).endsWith("; rows now (at the snapshot): orders 0 (1,500), refunds 3 (0)");
    }

    @Test
    void aSourceThatShrankCountsThePagesItNoLongerHas() throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot("DELETE");
        long before = Files.size(snapshot.file()) / 4096;

        write("DROP TABLE alerts");
        write("VACUUM");
        LiveChanges changes = LiveChanges.since(snapshot.file(), source);

        long now = Files.size(source) / 4096;
        assertThat(now).isLessThan(before);
        assertThat(changes.pages()).isEqualTo(before);
        assertThat(changes.pagesDiffering()).isGreaterThanOrEqualTo(before - now);
    }

    @Test
    void framesOfAnOlderGenerationOfTheLogAreNotCounted() throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot("WAL");
        write("PRAGMA wal_checkpoint(RESTART)"); // the next write starts the log again from its start, with new salts
        write("INSERT INTO alerts (body) VALUES ('after the restart')");
        long framesInTheFile = (Files.size(Path.of(source + "-wal")) - 32) / (24 + 4096);

        LiveChanges changes = LiveChanges.since(snapshot.file(), source);

        assertThat(framesInTheFile)
                .as("the first generation's frames are still in the file")
                .isGreaterThan(20);
        assertThat(changes.walPages()).isBetween(1L, 5L);
        assertThat(changes.tables()).contains(new TableRows("alerts", 2_000, 2_001));
        assertThat(changes.pagesDiffering()).isBetween(1L, 5L);
    }

    @Test
    void onlyTheHeaderBytesEveryBackupChangesAreIgnored() throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot("DELETE");
        app.close();
        app = null;

        // Another SQLite library last wrote the live file (offset 96, its version number): not a change of content.
        patch(source, 96, new byte[] {0, 0x2d, (byte) 0xc6, (byte) 0xa0});
        assertThat(LiveChanges.since(snapshot.file(), source).none()).isTrue();

        // The application's user_version (offset 60) is header too, and the application's to change: page 1 differs.
        app = DriverManager.getConnection("jdbc:sqlite:" + source);
        write("PRAGMA user_version = 7");
        LiveChanges changes = LiveChanges.since(snapshot.file(), source);
        assertThat(changes.pagesDiffering()).isEqualTo(1);
        assertThat(changes.describe()).contains(": 1 of " + changes.pages() + " pages differs; row counts unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void neitherFileIsWritten(String journalMode) throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot(journalMode);
        write("INSERT INTO orders (total) VALUES (1)");
        String live = SourceFingerprint.sha256(source);
        Path wal = Path.of(source + "-wal");
        String log = Files.exists(wal) ? SourceFingerprint.sha256(wal) : "none";

        LiveChanges.since(snapshot.file(), source);

        assertThat(SourceFingerprint.sha256(snapshot.file())).isEqualTo(snapshot.sha256());
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(live);
        assertThat(Files.exists(wal) ? SourceFingerprint.sha256(wal) : "none").isEqualTo(log);
        assertThat(work.resolve("work"))
                .as("no journal or log beside the snapshot")
                .isDirectoryNotContaining("glob:**snap.sqlite-*");
    }

    @Test
    void pagesOf64KibAreReadWhereTheHeaderSaysOne() throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot("WAL", 65536);
        assertThat(LiveChanges.since(snapshot.file(), source).none()).isTrue();

        write("UPDATE alerts SET body = 'changed' WHERE id = 1000");
        LiveChanges changes = LiveChanges.since(snapshot.file(), source);

        assertThat(changes.pages()).isEqualTo(Files.size(snapshot.file()) / 65536);
        assertThat(changes.pagesDiffering()).isEqualTo(1);
        assertThat(changes.walPages()).isPositive();
    }

    @Test
    void aLiveFileThatIsNotADatabaseIsRefusedByName() throws Exception {
        SourceSnapshot snapshot = liveSourceAndSnapshot("DELETE");
        Path missing = work.resolve("gone.sqlite");

        assertThatThrownBy(() -> LiveChanges.since(snapshot.file(), missing))
                .isInstanceOf(Lite2pgException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void describeWritesCountsWithThousandsSeparatorsAndOnlyTheTablesThatChanged() {
        LiveChanges changes = new LiveChanges(
                1_234,
                110_000,
                56,
                List.of(
                        new TableRows("alerts", 1_000_000, 1_001_234),
                        new TableRows("customers", 40_000, 40_000),
                        new TableRows("orders", 300_000, 299_988)));

        assertThat(changes.none()).isFalse();
        assertThat(changes.describe())
                .isEqualTo("the live source has changed since the snapshot: 1,234 of 110,000 pages differ, 56 pages"
                        + " in its write-ahead log; rows now (at the snapshot): alerts 1,001,234 (1,000,000), orders"
                        + " 299,988 (300,000)");
        assertThat(new LiveChanges(1, 110_000, 0, List.of(new TableRows("t", 1, 1))).describe())
                .isEqualTo("the live source has changed since the snapshot: 1 of 110,000 pages differs; row counts"
                        + " unchanged");
        assertThat(new LiveChanges(0, 110_000, 1, List.of()).describe())
                .isEqualTo("the live source has not changed since the snapshot: all 110,000 pages are the same");
    }

    /**
     * A source of about 60 pages of 4 KiB in the given journal mode, the application's connection left open, and its
     * snapshot. In WAL mode nothing is checkpointed: every row is in the log when the snapshot is taken.
     */
    private SourceSnapshot liveSourceAndSnapshot(String journalMode) throws SQLException {
        return liveSourceAndSnapshot(journalMode, 4096);
    }

    private SourceSnapshot liveSourceAndSnapshot(String journalMode, int pageSize) throws SQLException {
        source = work.resolve("live.sqlite");
        app = DriverManager.getConnection("jdbc:sqlite:" + source);
        write("PRAGMA page_size = " + pageSize);
        write("PRAGMA journal_mode = " + journalMode);
        write("PRAGMA wal_autocheckpoint = 0");
        write("CREATE TABLE alerts (id INTEGER PRIMARY KEY, body TEXT)");
        write("CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER)");
        write("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                + " INSERT INTO alerts SELECT i, printf('alert %080d', i) FROM n");
        write("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
                + " INSERT INTO orders SELECT i, i * 7 FROM n");
        return SourceSnapshot.take(source, work.resolve("work").resolve("snap.sqlite"));
    }

    private void write(String sql) throws SQLException {
        try (Statement st = app.createStatement()) {
            st.execute(sql);
        }
    }

    private static void patch(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }
}
