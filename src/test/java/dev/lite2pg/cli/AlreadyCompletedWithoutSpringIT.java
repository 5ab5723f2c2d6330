package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code cutover} after its run completed answers before Spring starts: with Spring's data source pointed at a
 * server that does not exist (a system property overrides what lite2pg gives Spring), it still says "already
 * completed", and still refuses once a table lost a row; a command that does start Spring fails.
 */
@ExtendWith(TestDatabaseExtension.class)
class AlreadyCompletedWithoutSpringIT {

    private static final String SPRING_URL = "spring.datasource.url";

    @TempDir
    static Path work;

    @Test
    void alreadyCompletedNeedsNoSpringAndStillRefusesAChangedTarget(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        Path runs = work.resolve("runs");
        Path job = JobFile.demo(source, db).output(runs).writeTo(work.resolve("demo.yml"));
        CliRun first = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        List<Path> runFolders = runFolders(runs);

        System.setProperty(SPRING_URL, "jdbc:postgresql://127.0.0.1:1/no-such-server");
        try {
            CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString());
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).contains("already completed run ").contains("nothing was written");
            // Spring's start creates the run's folder and log before anything else: none appeared.
            assertThat(runFolders(runs)).isEqualTo(runFolders);

            // The control: a command that starts Spring fails with that data source.
            CliRun fresh = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--fresh", "--yes");
            assertThat(fresh.exitCode()).as(fresh.all()).isEqualTo(1);

            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM demo.order_line WHERE ctid = (SELECT min(ctid) FROM demo.order_line)");
            }
            CliRun changed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
            assertThat(changed.exitCode()).as(changed.all()).isEqualTo(3);
            assertThat(changed.err())
                    .contains("already completed run ")
                    .contains("but the target no longer holds what run ")
                    .contains("order_line (375 rows then, 374 now)")
                    .contains("Nothing was written.");
        } finally {
            System.clearProperty(SPRING_URL);
        }
    }

    private static List<Path> runFolders(Path runs) throws Exception {
        try (Stream<Path> entries = Files.list(runs.resolve("demo"))) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
