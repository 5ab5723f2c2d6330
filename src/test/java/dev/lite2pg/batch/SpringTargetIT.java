package dev.lite2pg.batch;

import com.zaxxer.hikari.HikariDataSource;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.JobFileLoader;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpringTargetIT {

    @TempDir
    Path work;

    @Test
    void aPasswordReachesThePoolVerbatimEvenWhenItLooksLikeASpringPlaceholder() throws Exception {
        String password = "pw${user.home}x$";
        try (TestDatabase db = TestPostgres.createDatabase()) {
            Path file = work.resolve("job.yml");
            Files.writeString(file, "name: pw\nsource:\n  path: x.sqlite\ntarget:\n  url: \"" + db.url() + "\"\n  user: " + db.user()
                    + "\nschema:\n  locations: [ \"filesystem:sql\" ]\n");
            JobDefinition job = JobFileLoader.load(file);
            TargetCredentials credentials = TargetCredentials.fromEnvironment(Map.of("LITE2PG_TARGET_PASSWORD",
                    db.password() == null ? password : db.password()));
            try (ConfigurableApplicationContext spring = SpringTarget.start(job, credentials, work.resolve("log.txt"))) {
                HikariDataSource pool = spring.getBean(DataSource.class).unwrap(HikariDataSource.class);
                assertThat(pool.getPassword()).isEqualTo(db.password() == null ? password : db.password());
            }
        }
    }
}
