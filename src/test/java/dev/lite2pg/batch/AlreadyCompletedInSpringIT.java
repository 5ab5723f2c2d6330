package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.cli.CliRun;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.JobFileLoader;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Already completed" as the launch judges it once Spring has started (when the read-only look before Spring could
 * not answer): over Spring's own pool and job repository, a catch-up's source stamp and row counts count as well.
 * {@code CatchUpAfterwardsIT} covers the look before Spring through the command line.
 */
@ExtendWith(TestDatabaseExtension.class)
class AlreadyCompletedInSpringIT {

    @TempDir
    Path work;

    @Test
    void withSpringsDataSourceTheNewestCatchUpIsWhatTheTargetIsJudgedAgainst(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        Path file = JobFile.demo(source, db).output(work.resolve("runs")).writeTo(work.resolve("demo.yml"));
        CliRun live = CliRun.of(db.environment(), "cutover", "--job", file.toString(), "--live");
        assertThat(live.exitCode()).as(live.all()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO Customer (FirstName, LastName, Email, CreatedAt)"
                    + " VALUES ('Late', 'Comer', 'late@example.com', '2026-12-03 10:00:00')");
        }
        CliRun catchUp = CliRun.of(db.environment(), "catch-up", "--job", file.toString());
        assertThat(catchUp.exitCode()).as(catchUp.all()).isZero();

        JobDefinition job = JobFileLoader.load(file);
        TargetCredentials credentials = TargetCredentials.fromEnvironment(db.environment());
        try (ConfigurableApplicationContext spring = SpringTarget.start(job, credentials, work.resolve("log.txt"))) {
            DataSource dataSource = spring.getBean(DataSource.class);
            PreviousRun run = PreviousRun.newest(
                            spring.getBean(JobRepository.class), job, TargetIdentity.of(dataSource, job))
                    .orElseThrow();
            StringWriter out = new StringWriter();
            RunResult result = AlreadyCompleted.verdict(job, run, dataSource, work, new PrintWriter(out, true));
            assertThat(result.alreadyComplete()).isTrue();
            assertThat(out.toString()).contains("caught up 1 time(s) since").contains("nothing was written");

            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM demo.customer WHERE email = 'late@example.com'");
            }
            assertThatThrownBy(() -> AlreadyCompleted.verdict(job, run, dataSource, work, new PrintWriter(out, true)))
                    .isInstanceOf(Lite2pgException.class)
                    .hasMessageContaining("customer (118 rows after catch-up 1, 117 now)");
        }
    }
}
