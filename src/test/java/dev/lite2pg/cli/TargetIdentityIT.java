package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.TargetIdentity;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.jobfile.JobFileLoader;
import dev.lite2pg.postgres.RunLock;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database reached through two spellings of its URL ({@code 127.0.0.1} and {@code localhost}) is one target: the
 * run lock, resuming, {@code status} and {@code --fresh} all see the runs made through the other spelling.
 */
@ExtendWith(TestDatabaseExtension.class)
class TargetIdentityIT {

    @TempDir
    Path work;

    @Test
    void twoSpellingsOfOneDatabaseAreOneTarget(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        String other = otherSpelling(db.url());
        Path job = jobFile(source, db);

        CliRun first = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        List<List<String>> copied = counts(db);

        // A process running the job through one spelling holds the lock that a run through the other needs.
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(db.url());
        direct.setUser(db.user());
        direct.setPassword(db.password());
        try (RunLock held = RunLock.acquire(
                direct,
                "demo",
                TargetIdentity.of(direct, JobFileLoader.load(job)).recorded())) {
            CliRun blocked = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--target-url", other);
            assertThat(blocked.exitCode()).as(blocked.all()).isEqualTo(2);
            assertThat(blocked.err())
                    .contains("another lite2pg process is running job demo")
                    .contains("nothing was touched");
        }

        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--target-url", other);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("already completed").contains("nothing was written");
        assertThat(db.rows("SELECT count(*) FROM lite2pg.batch_job_instance"))
                .as("no second run recorded")
                .containsExactly(List.of("1"));

        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString(), "--target-url", other);
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  COMPLETED$");

        CliRun fresh = CliRun.of(
                db.environment(), "cutover", "--job", job.toString(), "--target-url", other, "--fresh", "--yes");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out())
                .as("--fresh through the other spelling starts over after the completed run")
                .contains("[fresh] run ")
                .contains("stays recorded as COMPLETED")
                .contains("emptied ");
        assertThat(counts(db)).isEqualTo(copied);
    }

    /** The same server and database through the other name of the loopback interface. */
    private static String otherSpelling(String url) {
        if (url.contains("//127.0.0.1:")) {
            return url.replace("//127.0.0.1:", "//localhost:");
        }
        assertThat(url)
                .as("the test server must be on 127.0.0.1 or localhost for this test")
                .contains("//localhost:");
        return url.replace("//localhost:", "//127.0.0.1:");
    }

    private static List<List<String>> counts(TestDatabase db) throws Exception {
        return db.rows("SELECT (SELECT count(*) FROM demo.customer), (SELECT count(*) FROM demo.\"order\"),"
                + " (SELECT count(*) FROM demo.store)");
    }

    private Path jobFile(Path source, TestDatabase db) throws Exception {
        return JobFile.demo(source, db).output(work.resolve("runs")).writeTo(work.resolve("demo.yml"));
    }
}
