package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large values at the launcher's heap ({@code bin/lite2pg}'s {@code -Xmx384m}, which {@link ChildCutover} uses): a
 * chunk of wide rows closes at its bytes, a value too large for the heap is refused by name before anything is
 * written (and again on the re-run, not with "Java heap space"), and a VIRTUAL generated column SQLite would compute
 * at 100 MB a row is never read.
 */
@ExtendWith(TestDatabaseExtension.class)
class LargeValuesIT {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(180);
    private static final int MIB = 1 << 20;

    @TempDir
    Path work;

    @Test
    void aValueTooLargeForTheHeapIsRefusedByTableKeyColumnAndSizeBeforeAnythingIsWritten(TestDatabase db)
            throws Exception {
        Path source = source(
                "doc (id INTEGER PRIMARY KEY, body BLOB)",
                "INSERT INTO doc VALUES (1, randomblob(1000)), (7, zeroblob(" + 80 * MIB + ")), (9, randomblob(10))");
        Path job = job(db, source, "doc (id bigint PRIMARY KEY, body bytea)");
        for (String attempt : List.of("first run", "same command again")) {
            try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
                int exit = child.awaitExit(CHILD_TIMEOUT);
                assertThat(child.all())
                        .as(attempt)
                        .doesNotContain("OutOfMemoryError")
                        .doesNotContain("Java heap space");
                assertThat(exit).as(attempt + "\n" + child.all()).isEqualTo(2);
                assertThat(child.all())
                        .as(attempt)
                        .contains("doc")
                        .contains("id=7")
                        .contains("body")
                        .contains("BLOB (83,886,080 bytes, not read)")
                        .contains("value of 83,886,080 bytes is larger than");
            }
            assertThat(db.rows("SELECT count(*) FROM big.doc")).as(attempt).containsExactly(List.of("0"));
        }
    }

    @Test
    void underQuarantineTheRowOfAValueTooLargeIsSetAsideByNameAndTheRestCopied(TestDatabase db) throws Exception {
        Path source = source(
                "doc (id INTEGER PRIMARY KEY, body BLOB)",
                "INSERT INTO doc VALUES (1, X'0102'), (7, zeroblob(" + 80 * MIB + ")), (9, X'09')");
        Path job = job(db, source, "doc (id bigint PRIMARY KEY, body bytea)", "on-bad-row: quarantine\n");
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            int exit = child.awaitExit(CHILD_TIMEOUT);
            assertThat(child.all()).doesNotContain("OutOfMemoryError").doesNotContain("Java heap space");
            assertThat(exit).as(child.all()).isZero();
        }
        assertThat(db.rows("SELECT id, encode(body, 'hex') FROM big.doc ORDER BY id"))
                .containsExactly(List.of("1", "0102"), List.of("9", "09"));
        List<List<String>> quarantined = db.rows("SELECT row_key, column_name, bad_value, reason, row_data->>'body'"
                + " FROM lite2pg.quarantine WHERE job_name = 'large'");
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0).subList(0, 3))
                .containsExactly("id=7", "body", "BLOB (83,886,080 bytes, not read)");
        assertThat(quarantined.get(0).get(3)).startsWith("value of 83,886,080 bytes is larger than");
        assertThat(quarantined.get(0).get(4)).isEqualTo("BLOB (83,886,080 bytes, not read)");
    }

    @Test
    void wideRowsAreCopiedExactlyInChunksClosedByBytesAndAGeneratedColumnIsNotRead(TestDatabase db) throws Exception {
        // 20 rows of 3 MiB and one of 12 MiB in one chunk of 5,000 rows would be 72 MiB read, 144 MiB of hex and as
        // much
        // encoded for COPY; and the VIRTUAL column alone would be 100 MB a row.
        Path source = source(
                "doc (id INTEGER PRIMARY KEY, body BLOB, note TEXT,"
                        + " huge BLOB GENERATED ALWAYS AS (zeroblob(100000000)) VIRTUAL)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
                        + " INSERT INTO doc (id, body, note) SELECT i, randomblob(" + 3 * MIB + "), 'n' || i FROM n",
                "INSERT INTO doc (id, body, note) VALUES (21, randomblob(" + 12 * MIB + "), printf('%.*c', " + MIB
                        + ", 'x'))");
        List<String> expected = sourceDigests(source);
        Path job = job(db, source, "doc (id bigint PRIMARY KEY, body bytea, note text)");
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            int exit = child.awaitExit(CHILD_TIMEOUT);
            assertThat(child.all()).doesNotContain("OutOfMemoryError").doesNotContain("Java heap space");
            assertThat(exit).as(child.all()).isZero();
        }
        List<String> copied = new ArrayList<>();
        db.rows("SELECT id, md5(body), md5(note) FROM big.doc ORDER BY id")
                .forEach(r -> copied.add(String.join(" ", r)));
        assertThat(copied).hasSize(21).isEqualTo(expected);
    }

    private Path source(String table, String... inserts) throws Exception {
        Path file = work.resolve("large.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table);
            for (String sql : inserts) {
                st.execute(sql);
            }
        }
        return file;
    }

    /** id, md5 of body and md5 of note per row, computed here from the source file. */
    private static List<String> sourceDigests(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, body, note FROM doc ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + md5(rs.getBytes(2)) + " "
                        + md5(rs.getString(3).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return rows;
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private Path job(TestDatabase db, Path source, String targetTable) throws Exception {
        return job(db, source, targetTable, "");
    }

    private Path job(TestDatabase db, Path source, String targetTable, String more) throws Exception {
        Path migrations = work.resolve("sql");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__large.sql"), "CREATE TABLE " + targetTable + ";\n");
        return JobFile.named("large")
                .source(source)
                .target(db)
                .schema("big")
                .migrations(migrations)
                .extra(more)
                .chunkSize(5000)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("large.yml"));
    }
}
