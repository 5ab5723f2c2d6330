package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.target.postgres.RunLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
        try (ConfigurableApplicationContext spring = SpringTarget.start(job, credentials, runFolder.resolve("lite2pg.log"))) {
            DataSource dataSource = spring.getBean(DataSource.class);
            try (RunLock lock = RunLock.acquire(dataSource, job.name(), targetIdentity(job))) {
                return launchLocked(spring, job, sourceFile, sourceSha256, runFolder, out);
            }
        }
    }

    private static RunResult launchLocked(ConfigurableApplicationContext spring, JobDefinition job, Path sourceFile,
                                          String sourceSha256, Path runFolder, PrintWriter out) throws Exception {
        DataSource dataSource = spring.getBean(DataSource.class);
        JobRepository repository = spring.getBean(JobRepository.class);
        JobOperator operator = spring.getBean(JobOperator.class);
        recoverDeadRuns(operator, repository, job, out);
        recoverUnknownRun(repository, job, sourceSha256, out);
        CutoverRun run = new CutoverRun(job, sourceFile, sourceSha256, runFolder, dataSource, out);
        CutoverJobFactory factory = new CutoverJobFactory(repository, spring.getBean(PlatformTransactionManager.class));
        JobExecution execution;
        try {
            execution = operator.start(factory.build(run), parameters(job, sourceSha256));
            RunHistory.recordFailureMessages(repository, execution);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new RunResult(null, List.of(e), runFolder, null, true);
        }
        return new RunResult(execution.getStatus(), failuresMostSpecificFirst(execution), runFolder, run.report(), false);
    }

    /**
     * Executions still marked running belong to a process that died without saying so (kill -9, power loss): this
     * process holds the run lock, so no live process owns them. Spring Batch marks them FAILED, which makes them
     * restartable, instead of leaving them STARTED forever.
     */
    private static void recoverDeadRuns(JobOperator operator, JobRepository repository, JobDefinition job, PrintWriter out) {
        String target = targetIdentity(job);
        for (JobExecution dead : repository.findRunningJobExecutions(job.name())) {
            if (target.equals(dead.getJobParameters().getString(TARGET))) {
                operator.recover(dead);
                out.println("[recover] run " + dead.getId() + " was left running by a process that died; marked FAILED so it can resume");
            }
        }
    }

    /**
     * Spring Batch marks a step UNKNOWN when the rollback of a failed chunk itself fails (the connection was gone,
     * e.g. the backend was terminated) and then refuses to restart it. Here that is safe to restart: a chunk's rows and
     * its saved position live in one PostgreSQL transaction, which the server rolled back when the session died.
     */
    private static void recoverUnknownRun(JobRepository repository, JobDefinition job, String sourceSha256, PrintWriter out) {
        JobExecution last = repository.getLastJobExecution(job.name(), parameters(job, sourceSha256));
        if (last == null || last.getStatus() != BatchStatus.UNKNOWN) {
            return;
        }
        for (StepExecution step : last.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                repository.update(step);
            }
        }
        last.setStatus(BatchStatus.FAILED);
        repository.update(last);
        out.println("[recover] run " + last.getId() + " lost its connection while rolling back a chunk; PostgreSQL rolled it"
                + " back itself, so it is marked FAILED and resumes");
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

    private static final String TARGET = "target";

    static String targetIdentity(JobDefinition job) {
        return job.target().redactedUrl() + " schema=" + job.target().schema();
    }

    /** The identity of a run: the same source content into the same target schema under the same job name. */
    static JobParameters parameters(JobDefinition job, String sourceSha256) {
        return new JobParametersBuilder()
                .addString("source.sha256", sourceSha256, true)
                .addString(TARGET, targetIdentity(job), true)
                .addString("source.path", job.source().path().toString(), false)
                .toJobParameters();
    }

}
