package dev.lite2pg.batch;

import dev.lite2pg.Lite2pgApplication;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.target.postgres.JobRepositorySchema;
import dev.lite2pg.target.postgres.PgSql;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Spring for one run against the job's target, makes sure the job repository exists, and runs the cutover
 * job. A job instance is identified by job name, source sha256 and target, so the same command after a failure
 * restarts the same instance.
 */
public final class CutoverLauncher {

    private CutoverLauncher() {
    }

    public static RunResult launch(JobDefinition job, Path sourceFile, String sourceSha256, TargetCredentials credentials, PrintWriter out)
            throws Exception {
        Path runFolder = job.output().resolve(job.name()).resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        try (ConfigurableApplicationContext spring = start(job, credentials, runFolder)) {
            DataSource dataSource = spring.getBean(DataSource.class);
            JobRepositorySchema.ensure(dataSource, job.repositorySchema());
            JobRepository repository = spring.getBean(JobRepository.class);
            CutoverRun run = new CutoverRun(job, sourceFile, sourceSha256, runFolder, dataSource, out);
            CutoverJobFactory factory = new CutoverJobFactory(repository, spring.getBean(PlatformTransactionManager.class));
            JobExecution execution;
            try {
                execution = spring.getBean(JobOperator.class).start(factory.build(run), parameters(job, sourceSha256));
            } catch (JobInstanceAlreadyCompleteException e) {
                return new RunResult(null, List.of(e), runFolder, null, true);
            }
            return new RunResult(execution.getStatus(), failuresMostSpecificFirst(execution), runFolder, run.report(), false);
        }
    }

    /**
     * A table's own failure says what went wrong; the partition manager's only says that a table failed, and the
     * job's that a step failed. So the steps that did the work come first.
     */
    private static List<Throwable> failuresMostSpecificFirst(JobExecution execution) {
        List<Throwable> failures = new java.util.ArrayList<>();
        execution.getStepExecutions().stream().filter(s -> !s.getStepName().equals("copy"))
                .forEach(s -> failures.addAll(s.getFailureExceptions()));
        execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("copy"))
                .forEach(s -> failures.addAll(s.getFailureExceptions()));
        failures.addAll(execution.getFailureExceptions());
        return failures;
    }

    /** The identity of a run: the same source content into the same target schema under the same job name. */
    static JobParameters parameters(JobDefinition job, String sourceSha256) {
        return new JobParametersBuilder()
                .addString("source.sha256", sourceSha256, true)
                .addString("target", job.target().redactedUrl() + " schema=" + job.target().schema(), true)
                .addString("source.path", job.source().path().toString(), false)
                .toJobParameters();
    }

    private static ConfigurableApplicationContext start(JobDefinition job, TargetCredentials credentials, Path runFolder) {
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
        properties.put("logging.file.name", runFolder.resolve("lite2pg.log").toString());
        return new SpringApplicationBuilder(Lite2pgApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(properties)
                .run();
    }
}
