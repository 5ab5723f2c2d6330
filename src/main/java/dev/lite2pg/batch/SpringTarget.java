package dev.lite2pg.batch;

import dev.lite2pg.Lite2pgApplication;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.target.postgres.JobRepositorySchema;
import dev.lite2pg.target.postgres.PgSql;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Spring for one command against the job's target: Boot's DataSource, transaction manager and JDBC job repository,
 * configured from the job file (the target is only known at run time), with the job repository's schema in place.
 */
public final class SpringTarget {

    private SpringTarget() {
    }

    public static ConfigurableApplicationContext start(JobDefinition job, TargetCredentials credentials, Path logFile) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", job.target().url());
        properties.put("spring.datasource.username", job.target().user());
        credentials.password().ifPresent(p -> properties.put("spring.datasource.password", p));
        properties.put("spring.datasource.hikari.maximum-pool-size", 4);
        properties.put("spring.datasource.hikari.pool-name", "lite2pg-target");
        properties.put("spring.batch.jdbc.table-prefix", PgSql.quote(job.repositorySchema()) + ".BATCH_");
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.batch.job.enabled", false);
        properties.put("spring.flyway.enabled", false);
        properties.put("spring.main.log-startup-info", false);
        // The console is the operator's: details, stack traces included, go to the run's log file.
        properties.put("logging.threshold.console", "OFF");
        properties.put("logging.file.name", logFile.toString());
        ConfigurableApplicationContext spring = new SpringApplicationBuilder(Lite2pgApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(properties)
                .run();
        JobRepositorySchema.ensure(spring.getBean(DataSource.class), job.repositorySchema());
        return spring;
    }
}
