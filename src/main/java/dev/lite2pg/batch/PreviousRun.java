package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The newest run (job instance) of a job into one target, as the job repository records it: what a plain
 * {@code cutover} resumes, and what {@code cutover --fresh} abandons.
 *
 * @param executions oldest first, never empty
 */
record PreviousRun(JobInstance instance, List<JobExecution> executions) {

    static Optional<PreviousRun> newest(JobRepository repository, JobDefinition job, TargetIdentity target) {
        return newestFirst(repository, job, target).findFirst();
    }

    /** Every run of the job into this target, newest first; read lazily, so the newest costs only its own queries. */
    static Stream<PreviousRun> newestFirst(JobRepository repository, JobDefinition job, TargetIdentity target) {
        List<JobInstance> instances = new ArrayList<>(repository.findJobInstances(job.name()));
        instances.sort(Comparator.comparingLong(JobInstance::getInstanceId).reversed());
        return instances.stream().flatMap(instance -> {
            List<JobExecution> executions = new ArrayList<>(repository.getJobExecutions(instance));
            if (executions.isEmpty()
                    || !target.matches(executions.get(0).getJobParameters().getString(CutoverLauncher.TARGET))) {
                return Stream.empty();
            }
            executions.sort(Comparator.comparingLong(JobExecution::getId));
            return Stream.of(new PreviousRun(instance, List.copyOf(executions)));
        });
    }

    JobExecution last() {
        return executions.get(executions.size() - 1);
    }

    BatchStatus status() {
        return last().getStatus();
    }

    String sourceSha256() {
        return last().getJobParameters().getString(CutoverLauncher.SOURCE_SHA256);
    }

    /** The snapshot the run reads. */
    Path snapshot() {
        return Path.of(last().getJobParameters().getString(CutoverLauncher.SNAPSHOT));
    }

    /** The source file the snapshot was taken of. */
    Path sourcePath() {
        return Path.of(last().getJobParameters().getString(CutoverLauncher.SOURCE_PATH));
    }

    /** The source file's {@link dev.lite2pg.source.SourceStamp} when the snapshot was taken. */
    String sourceStamp() {
        return last().getJobParameters().getString(CutoverLauncher.SOURCE_STAMP);
    }

    /**
     * Target tables into which any execution of this run committed rows: the application tables it owns. A table
     * whose copy step started but committed nothing (a chunk refused, another process's rows in the way) holds no row
     * of this run, and is never emptied on its account.
     */
    List<String> tablesWritten() {
        Set<String> tables = new LinkedHashSet<>();
        for (JobExecution execution : executions) {
            execution.getStepExecutions().stream()
                    .filter(CopySteps::isTable)
                    // the reader's position commits in the chunk's transaction, with the chunk's rows
                    .filter(step -> step.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L) > 0)
                    .sorted(Comparator.comparingLong(StepExecution::getId))
                    .forEach(step -> tables.add(CopySteps.table(step)));
        }
        return List.copyOf(tables);
    }

    /** Rows committed into the target over all executions: 0 when the run stopped before its first chunk committed. */
    long rowsCopied() {
        java.util.Map<String, Long> lastByStep = new java.util.HashMap<>();
        for (JobExecution execution : executions) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (CopySteps.isTable(step)) {
                    lastByStep.put(
                            step.getStepName(), step.getExecutionContext().getLong(SqliteItemReader.ROWS_KEY, 0L));
                }
            }
        }
        return lastByStep.values().stream().mapToLong(Long::longValue).sum();
    }

    String describe() {
        JobExecution last = last();
        return "run " + instance.getInstanceId() + " (" + status() + ", last started " + last.getStartTime() + ")";
    }
}
