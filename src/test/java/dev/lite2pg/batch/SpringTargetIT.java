package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.JobFileLoader;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.postgres.ScratchTarget;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(TestDatabaseExtension.class)
class SpringTargetIT {

    @TempDir
    Path work;

    @Test
    void aPasswordReachesThePoolVerbatimEvenWhenItLooksLikeASpringPlaceholder(TestDatabase db) throws Exception {
        String password = "pw${user.home}x$";
        Path file = JobFile.named("pw")
                .source(Path.of("x.sqlite"))
                .target(db)
                .migrations(Path.of("sql"))
                .writeTo(work.resolve("job.yml"));
        JobDefinition job = JobFileLoader.load(file);
        TargetCredentials credentials = TargetCredentials.fromEnvironment(
                Map.of("LITE2PG_TARGET_PASSWORD", db.password() == null ? password : db.password()));
        try (ConfigurableApplicationContext spring = SpringTarget.start(job, credentials, work.resolve("log.txt"))) {
            HikariDataSource pool = spring.getBean(DataSource.class).unwrap(HikariDataSource.class);
            assertThat(pool.getPassword()).isEqualTo(db.password() == null ? password : db.password());
        }
    }

    /**
     * On a server that takes no login without the password (the embedded one: SCRAM only), the job repository's
     * set-up, which connects while Spring starts, already has it, verbatim.
     */
    @Test
    void aServerThatRequiresThePasswordGetsItBeforeTheJobRepositoryFirstConnects() throws Exception {
        String password = "pw${user.home}x$";
        try (ScratchTarget server = ScratchTarget.embedded()) {
            try (Connection c = server.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("ALTER ROLE " + server.user() + " PASSWORD '" + password + "'");
            }
            Path file = work.resolve("job.yml");
            Files.writeString(
                    file,
                    "name: pw\nsource:\n  path: x.sqlite\ntarget:\n  url: \"" + server.url() + "\"\n  user: "
                            + server.user() + "\nschema:\n  locations: [ \"filesystem:sql\" ]\n");
            JobDefinition job = JobFileLoader.load(file);
            TargetCredentials credentials =
                    TargetCredentials.fromEnvironment(Map.of("LITE2PG_TARGET_PASSWORD", password));
            try (ConfigurableApplicationContext spring = SpringTarget.start(job, credentials, work.resolve("log.txt"));
                    Connection c = spring.getBean(DataSource.class).getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'lite2pg'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the job repository's tables").isPositive();
            }
        }
    }
}
