package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum the copy keeps commits with its chunks: a chunk COPYed and then rolled back (a fault before its commit)
 * is copied again on resume and counted once, so the resumed run's tables still match by the copy's checksum, not
 * only through the comparison in PostgreSQL that a wrong sum would fall back to.
 */
@ExtendWith(TestDatabaseExtension.class)
class CopiedChecksumRestartIT {

    @TempDir
    Path work;

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(PropertyFaultPoints.PROPERTY);
    }

    @Test
    void aChunkRolledBackAfterItsCopyIsCountedOnceAfterTheResume(TestDatabase db) throws Exception {
        Path source = work.resolve("notes.sqlite");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, doc TEXT, price NUMERIC)");
            st.executeUpdate(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 11)"
                            + " INSERT INTO notes SELECT i, 'note ' || i, '{\"n\": ' || i || ', \"a\": [1.0]}', i * 1.5 FROM n");
        }
        Path sql = JobFile.migration(
                work.resolve("sql"),
                "CREATE TABLE notes (id integer PRIMARY KEY, body text, doc jsonb, price numeric(8,2));");
        Path job = JobFile.named("notes")
                .source(source)
                .target(db)
                .schema("notes")
                .migrations(sql)
                .chunkSize(2)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("notes.yml"));
        System.setProperty(PropertyFaultPoints.PROPERTY, "chunk:notes:3");

        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("injected fault after writing chunk 3 of notes");

        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out())
                .contains("notes: 4 of 11 rows already copied, resuming")
                .contains("content of 1 tables (11 source rows) compared with the target in")
                .contains("1 by the copy's checksum): all match");
    }
}
