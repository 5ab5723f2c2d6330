package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo, into a given server and into its own embedded PostgreSQL. */
@ExtendWith(TestDatabaseExtension.class)
class DemoIT {

    @TempDir
    Path work;

    private Path demoJob() throws Exception {
        Path job = work.resolve("demo.yml");
        Files.writeString(
                job,
                Files.readString(Path.of("jobs/demo.yml"))
                                .replace(
                                        "../target/demo/demo.sqlite",
                                        work.resolve("demo.sqlite").toString())
                                .replace(
                                        "\"filesystem:../sql/demo\"",
                                        "\"filesystem:" + Path.of("sql/demo").toAbsolutePath() + "\"")
                        + "output: \"" + work.resolve("runs") + "\"\n");
        return job;
    }

    @Test
    void theDemoCopiesTheBikeShopIntoAGivenTargetAndPasses(TestDatabase db) throws Exception {
        CliRun run = CliRun.of(db.environment(), "demo", "--job", demoJob().toString(), "--target-url", db.url());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("validation PASS").contains("report.md");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery(
                    "SELECT (SELECT count(*) FROM demo.customer), (SELECT count(*) FROM demo.\"order\"),"
                            + " (SELECT count(*) FROM demo.order_line), nextval('demo.customer_customer_id_seq')");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(117);
            assertThat(rs.getLong(2)).isEqualTo(150);
            assertThat(rs.getLong(3)).isEqualTo(375);
            assertThat(rs.getLong(4))
                    .as("past sqlite_sequence's 120, not max(id) 117")
                    .isEqualTo(121);
        }
    }

    @Test
    void aSecondDemoReplacesItsOwnEarlierDatabase(TestDatabase first, TestDatabase second) throws Exception {
        // Into a second target: the first one's finished cutover would (rightly) refuse a rewritten source.
        Path job = demoJob();
        assertThat(CliRun.of(first.environment(), "demo", "--job", job.toString(), "--target-url", first.url())
                        .exitCode())
                .isZero();

        CliRun again = CliRun.of(second.environment(), "demo", "--job", job.toString(), "--target-url", second.url());

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("wrote the sample SQLite database", "validation PASS");
        assertThat(second.rows("SELECT count(*) FROM demo.order_line")).containsExactly(List.of("375"));
    }

    @Test
    void refusesToOverwriteAnotherDatabaseGivenWithSource() throws Exception {
        Path theirs = work.resolve("production.sqlite");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + theirs);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER)");
            st.execute("INSERT INTO account VALUES (1, 100)");
        }

        assertRefusedAndUntouched(theirs, "demo", "--job", demoJob().toString(), "--source", theirs.toString());
    }

    @Test
    void refusesToOverwriteAFileNamedByTheJobsSourcePath() throws Exception {
        Path job = demoJob();
        Path notADatabase = work.resolve("demo.sqlite");
        Files.writeString(notADatabase, "my notes, not a database\n");

        assertRefusedAndUntouched(notADatabase, "demo", "--job", job.toString());
    }

    private void assertRefusedAndUntouched(Path existing, String... args) throws Exception {
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-------"));
        byte[] bytes = Files.readAllBytes(existing);

        CliRun run = CliRun.of(Map.of(), args);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "the demo does not overwrite " + existing,
                        "not a database the demo wrote",
                        "the file is as it was");
        assertThat(Files.readAllBytes(existing)).isEqualTo(bytes);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
                .isEqualTo("rw-------");
        assertThat(work.resolve("runs")).doesNotExist();
    }

    @Test
    void withoutATargetTheDemoStartsItsOwnEmbeddedPostgresql() throws Exception {
        CliRun run = CliRun.of(Map.of(), "demo", "--job", demoJob().toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("embedded PostgreSQL").contains("validation PASS");
        try (var reports = Files.walk(work.resolve("runs"))) {
            assertThat(reports.filter(p -> p.getFileName().toString().equals("report.json")))
                    .hasSize(1);
        }
    }
}
