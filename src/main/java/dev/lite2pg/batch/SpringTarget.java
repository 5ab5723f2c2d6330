package dev.lite2pg.batch;

import com.zaxxer.hikari.HikariDataSource;
import dev.lite2pg.Lite2pgApplication;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.postgres.JobRepositorySchema;
import dev.lite2pg.postgres.PgSql;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring for one command against the job's target: Boot's DataSource, transaction manager and JDBC job repository,
 * configured from the job file (the target is only known at run time), with the job repository's schema in place.
 */
public final class SpringTarget {

    private SpringTarget() {}

    public static ConfigurableApplicationContext start(JobDefinition job, TargetCredentials credentials, Path logFile) {
        return start(job, credentials, logFile, 1, false);
    }

    /**
     * @param parallelism tables copied at once: each holds a connection for its chunk, plus two for the job repository
     * @param verbose the log's INFO lines on standard error too (standard output stays the operator's, or --json's)
     */
    public static ConfigurableApplicationContext start(
            JobDefinition job, TargetCredentials credentials, Path logFile, int parallelism, boolean verbose) {
        privateLog(logFile);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", job.target().url());
        properties.put("spring.datasource.username", job.target().user());
        properties.put("spring.datasource.hikari.maximum-pool-size", Math.max(4, parallelism + 2));
        properties.put("spring.datasource.hikari.pool-name", "lite2pg-target");
        properties.put("spring.batch.jdbc.table-prefix", tablePrefix(job));
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.batch.job.enabled", false);
        properties.put("spring.flyway.enabled", false);
        properties.put("spring.main.log-startup-info", false);
        // The console is the operator's: details, stack traces included, go to the run's log file.
        properties.put("logging.threshold.console", verbose ? "INFO" : "OFF");
        properties.put("logging.file.name", logFile.toString());
        // Flyway logs the JDBC URL at INFO; URL parameters such as sslpassword must not reach the log file.
        properties.put("logging.level.org.flywaydb", "WARN");
        // Batch 6 notes at every step that the classic chunk tasklet is deprecated; lite2pg keeps it on purpose (the
        // new ChunkOrientedStep saves the reader's position on rollback, Spring Batch issue 5182), so the note is
        // noise.
        properties.put("logging.level.org.springframework.batch.core.step.item.ChunkOrientedTasklet", "WARN");
        ConfigurableApplicationContext spring = new SpringApplicationBuilder(Lite2pgApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(properties)
                .listeners(event -> {
                    // Logging is set up by now and no bean has logged yet: the console appender moves to stderr.
                    if (verbose && event instanceof ApplicationPreparedEvent) {
                        consoleToStandardError();
                    }
                })
                .initializers(context -> credentials
                        .password()
                        .ifPresent(
                                password -> context.getBeanFactory().addBeanPostProcessor(new PoolPassword(password))))
                .run();
        DataSource dataSource = spring.getBean(DataSource.class);
        JobRepositorySchema.ensure(dataSource, job.repositorySchema());
        return spring;
    }

    /** Where the job repository's tables are: Spring Batch's names, in the job's repository schema. */
    static String tablePrefix(JobDefinition job) {
        return PgSql.quote(job.repositorySchema()) + ".BATCH_";
    }

    private static void consoleToStandardError() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .iteratorForAppenders()
                    .forEachRemaining(appender -> {
                        if (appender instanceof ch.qos.logback.core.ConsoleAppender<?> console) {
                            console.stop();
                            console.setTarget("System.err");
                            console.start();
                        }
                    });
        }
    }

    /** The log holds row values (refusals name them): created 0600 in a 0700 folder before the appender opens it. */
    private static void privateLog(Path logFile) {
        try {
            PrivateFiles.file(logFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the log file " + logFile, e);
        }
    }

    /**
     * Sets the password on the pool as soon as Boot creates it, before the job repository's set-up opens the first
     * connection (to detect the database type). Not as a Spring property: Spring would resolve ${...} inside a
     * password and change it.
     */
    private record PoolPassword(String password) implements BeanPostProcessor {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool) {
                pool.setPassword(password);
            }
            return bean;
        }

        @Override
        public String toString() {
            return "PoolPassword[hidden]";
        }
    }
}
