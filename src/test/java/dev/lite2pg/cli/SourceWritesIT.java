package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that keeps writing to the live SQLite file while lite2pg runs: the target lacks what it wrote after
 * the snapshot. A cutover must not pass over that; a dry-run rehearses against a live application on purpose.
 */
@ExtendWith(TestDatabaseExtension.class)
class SourceWritesIT {

    @TempDir
    Path work;

    @Test
    void aCutoverWhoseSourceIsWrittenToMeanwhileFailsUntilFresh(TestDatabase db) throws Exception {
        Path source = walSource();
        Path job = jobFile("demo", source, db);
        CliRun run;
        long written;
        try (LiveApplication app = new LiveApplication(source)) {
            run = CliRun.of(db.environment(), "cutover", "--job", job.toString());
            written = app.stop();
        }
        assertThat(written).as("the application wrote while the cutover ran").isPositive();
        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err())
                .containsPattern("the source .*demo\\.sqlite was written to after the run's snapshot was taken at"
                        + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: the target lacks those writes")
                .contains("Stop the application")
                .contains("cutover --fresh");
        assertThat(run.all()).doesNotContain("finished, validation PASS").doesNotContain("WARNING");
        RunReport report = RunReports.newest(work.resolve("runs"), "demo");
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.problems()).anyMatch(p -> p.contains("was written to after the run's snapshot"));
        assertThat(customers(db))
                .as("the target lacks the application's last writes")
                .isLessThan(sourceCustomers(source));

        // The application is stopped; the run is not complete, and a plain cutover must not say it is.
        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(again.exitCode()).as(again.all()).isEqualTo(3);
        assertThat(again.all()).doesNotContain("already completed");
        assertThat(again.err())
                .contains("was written to after the run's snapshot")
                .contains("cutover --fresh");

        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(status.out()).containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  FAILED$");

        CliRun fresh = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--fresh", "--yes");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(customers(db)).as("every customer the application wrote").isEqualTo(sourceCustomers(source));
    }

    @Test
    void aLiveCutoverPassesAsOfItsSnapshotAndCatchUpTakesWhatTheApplicationWroteMeanwhile(TestDatabase db)
            throws Exception {
        Path source = walSource();
        Path job = jobFile("demo", source, db);
        long written;
        try (LiveApplication app = new LiveApplication(source)) {
            CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out())
                    .contains("validation PASS as of the snapshot")
                    .containsPattern("the live source has changed since the snapshot: [\\d,]+ of [\\d,]+ pages differ")
                    .contains("Customer")
                    .contains("Next: stop the application, then lite2pg catch-up --job FILE");
            assertThat(run.err()).doesNotContain("FAIL");

            // While the application still writes: --live passes as of its snapshot; without it the verdict fails.
            CliRun rehearsal = CliRun.of(db.environment(), "catch-up", "--job", job.toString(), "--live");
            assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
            assertThat(rehearsal.out()).contains("validation PASS as of its snapshot");
            CliRun tooEarly = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
            assertThat(tooEarly.exitCode()).as(tooEarly.all()).isEqualTo(3);
            assertThat(tooEarly.err())
                    .contains("validation FAIL")
                    .contains("was written to after this catch-up's snapshot")
                    .contains("run catch-up again");
            written = app.stop();
        }
        assertThat(written).as("the application wrote all along").isPositive();
        assertThat(customers(db)).isLessThan(sourceCustomers(source));

        CliRun catchUp = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(catchUp.exitCode()).as(catchUp.all()).isZero();
        assertThat(catchUp.out()).contains("catch-up 3 applied, validation PASS");
        assertThat(customers(db)).as("every customer the application wrote").isEqualTo(sourceCustomers(source));
    }

    @Test
    void aDryRunWhoseSourceIsWrittenToMeanwhileWarns(TestDatabase db) throws Exception {
        Path source = walSource();
        Path job = jobFile("demo", source, db);
        CliRun run;
        long written;
        try (LiveApplication app = new LiveApplication(source)) {
            run = CliRun.of(db.environment(), "dry-run", "--job", job.toString());
            written = app.stop();
        }
        assertThat(written).isPositive();
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err())
                .contains("WARNING: the source")
                .contains("was written to after the run's snapshot was taken");
        assertThat(RunReports.newest(work.resolve("runs"), "demo.dry-run").verdict())
                .isEqualTo(Verdict.PASS);
    }

    /** Inserts a customer every few milliseconds on its own connection, as a live application would. */
    private static final class LiveApplication implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong written = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        LiveApplication(Path source) {
            thread = new Thread(
                    () -> {
                        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                                PreparedStatement insert = c.prepareStatement(
                                        "INSERT INTO Customer (FirstName, LastName, Email, CreatedAt)"
                                                + " VALUES ('Live', 'Writer', ?, '2026-12-03 06:00:00')")) {
                            c.createStatement().execute("PRAGMA busy_timeout = 5000");
                            while (running.get()) {
                                insert.setString(1, "live" + written.get() + "@example.com");
                                insert.executeUpdate();
                                written.incrementAndGet();
                                Thread.sleep(20);
                            }
                        } catch (Throwable t) {
                            failure.set(t);
                        }
                    },
                    "live-application");
            thread.start();
        }

        long stop() throws Exception {
            running.set(false);
            thread.join();
            assertThat(failure.get()).as("the application's writes").isNull();
            return written.get();
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            thread.join();
        }
    }

    private Path walSource() throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }
        return source;
    }

    private static long sourceCustomers(Path source) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM Customer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long customers(TestDatabase db) throws Exception {
        List<List<String>> rows = db.rows("SELECT count(*) FROM demo.customer");
        return Long.parseLong(rows.get(0).get(0));
    }

    private Path jobFile(String name, Path source, TestDatabase db) throws Exception {
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema("demo")
                .migrations(JobFile.DEMO_MIGRATIONS)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }
}
