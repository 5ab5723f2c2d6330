package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * What the job repository knows about the runs of one job into one target: each job instance (a source content,
 * identified by its sha256), its executions, and how far each table got. {@link #read} only reads the repository; the
 * one write is {@link #recordFailureMessages}, which the launcher calls after a run so that what stopped it can be
 * read back here.
 */
public final class RunHistory {

    /** What {@code status} shows for an execution that is still marked running. */
    public static final String STARTED = "STARTED";

    public static final String STARTED_NOTE = "running or died; the next cutover recovers it";
    /** The exit code {@link OrderedPartitionHandler} gives the tables it did not reach. */
    static final String NOT_STARTED = "NOT_STARTED";

    /**
     * @param target the target as the job repository identifies it (the database as the server names it, and the schema)
     * @param runs newest first
     */
    public record History(String job, String target, String repositorySchema, List<RunSummary> runs) {}

    /**
     * One job instance: one source content copied into the target, over one or more executions.
     *
     * @param status the status of its newest execution
     * @param executions newest first
     * @param tables parents first (see {@link dev.lite2pg.plan.ParentsFirstOrder}), as far as the repository knows them
     * @param snapshot the snapshot file a resume reads, while the run can still be resumed (not completed, not
     *     abandoned): a full copy of the source, kept until then; null for a run that cannot be resumed
     * @param snapshotExists whether that file is still there (a resume refuses a run whose snapshot is gone)
     */
    public record RunSummary(
            long instanceId,
            String sourceSha256,
            String status,
            List<ExecutionSummary> executions,
            List<TableCopied> tables,
            String snapshot,
            boolean snapshotExists) {}

    /**
     * @param status COMPLETED, FAILED, STARTED (still running, or its process died), ABANDONED, or Spring Batch's other statuses
     * @param stoppedIn the step a failed (or unfinished) execution stopped in: {@code copy:<table>} for a table; null when none
     * @param error the first line of what stopped it; null when nothing is recorded
     * @param note a remark for the operator, e.g. what STARTED means; null when none
     */
    public record ExecutionSummary(
            long id,
            LocalDateTime started,
            LocalDateTime ended,
            String status,
            String stoppedIn,
            String error,
            String note) {}

    /**
     * @param table the target table
     * @param sourceTable the SQLite table it is copied from
     * @param status the status of the table's last copy step, or of its ranges' combined: COMPLETED, FAILED, STARTED
     *     or NOT_STARTED
     * @param copied source rows read by the chunks that committed: the reader's count, saved in each chunk's
     *     transaction; rows set aside in the quarantine are among them
     * @param total rows in the source table, counted in the run's snapshot when the copy step started
     */
    public record TableCopied(String table, String sourceTable, String status, long copied, long total) {}

    private RunHistory() {}

    /** @param target the target as the server names it: every spelling of its URL shows the same runs */
    public static History read(JobRepository repository, JobDefinition job, TargetIdentity target) {
        List<RunSummary> runs = PreviousRun.newestFirst(repository, job, target)
                .map(RunHistory::summarize)
                .toList();
        return new History(job.name(), target.recorded(), job.repositorySchema(), runs);
    }

    private static RunSummary summarize(PreviousRun run) {
        List<JobExecution> newestFirst = new ArrayList<>(run.executions());
        Collections.reverse(newestFirst);
        List<ExecutionSummary> executions = new ArrayList<>();
        for (JobExecution execution : newestFirst) {
            executions.add(summarize(execution));
        }
        List<TableCopied> tables = tables(run.executions());
        BatchStatus last = run.status();
        String snapshot = last == BatchStatus.COMPLETED || last == BatchStatus.ABANDONED
                ? null
                : run.last().getJobParameters().getString(CutoverLauncher.SNAPSHOT);
        return new RunSummary(
                run.instance().getInstanceId(),
                run.sourceSha256(),
                executions.get(0).status(),
                executions,
                tables,
                snapshot,
                snapshot != null && Files.isRegularFile(Path.of(snapshot)));
    }

    private static ExecutionSummary summarize(JobExecution execution) {
        BatchStatus batchStatus = execution.getStatus();
        boolean running = batchStatus.isRunning();
        String status = running ? STARTED : batchStatus.name();
        if (batchStatus == BatchStatus.COMPLETED) {
            return new ExecutionSummary(
                    execution.getId(), execution.getStartTime(), execution.getEndTime(), status, null, null, null);
        }
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparingLong(StepExecution::getId));
        StepExecution stopped = steps.stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .findFirst()
                .orElse(null);
        if (stopped != null && CopySteps.isCopy(stopped)) {
            // The partition manager only says that a table failed: name the table's own step.
            StepExecution table = steps.stream()
                    .filter(s -> CopySteps.isTable(s)
                            && s.getStatus() != BatchStatus.COMPLETED
                            && !NOT_STARTED.equals(s.getExitStatus().getExitCode()))
                    .min(Comparator.comparingInt(RunHistory::order))
                    .orElse(null);
            if (table != null) {
                stopped = table;
            }
        }
        String error = null;
        if (stopped != null) {
            error = firstLine(stopped.getExitStatus());
        }
        if (error == null) {
            error = firstLine(execution.getExitStatus());
        }
        return new ExecutionSummary(
                execution.getId(),
                execution.getStartTime(),
                execution.getEndTime(),
                status,
                stopped == null ? null : stopped.getStepName(),
                error,
                running ? STARTED_NOTE : null);
    }

    /**
     * Each table's last copy steps over all executions (a finished table or range is not copied again by a later
     * execution); a table cut into rowid ranges is one table, its rows summed over its ranges.
     */
    private static List<TableCopied> tables(List<JobExecution> oldestFirst) {
        List<List<StepExecution>> tables =
                new ArrayList<>(TableSteps.lastByTable(oldestFirst).values());
        tables.sort(Comparator.comparingInt((List<StepExecution> steps) -> order(steps.get(0)))
                .thenComparing(steps -> CopySteps.table(steps.get(0))));
        return tables.stream().map(RunHistory::table).toList();
    }

    private static TableCopied table(List<StepExecution> steps) {
        var context = steps.get(0).getExecutionContext();
        return new TableCopied(
                CopySteps.table(steps.get(0)),
                context.getString(CopyPartitioner.SOURCE_TABLE),
                status(steps),
                TableSteps.sum(steps, SqliteItemReader.ROWS_KEY),
                context.getLong(CopyPartitioner.SOURCE_ROWS));
    }

    /** A table's: running while any range runs, failed when any failed, not started when none started. */
    private static String status(List<StepExecution> steps) {
        List<String> statuses = steps.stream()
                .map(step -> NOT_STARTED.equals(step.getExitStatus().getExitCode())
                        ? NOT_STARTED
                        : step.getStatus().isRunning()
                                ? STARTED
                                : step.getStatus().name())
                .toList();
        for (String status : List.of(STARTED, BatchStatus.FAILED.name())) {
            if (statuses.contains(status)) {
                return status;
            }
        }
        return statuses.stream()
                .filter(s -> !s.equals(BatchStatus.COMPLETED.name()) && !s.equals(NOT_STARTED))
                .findFirst()
                .orElse(statuses.contains(NOT_STARTED) ? NOT_STARTED : BatchStatus.COMPLETED.name());
    }

    private static int order(StepExecution step) {
        return step.getExecutionContext().getInt(CopyPartitioner.ORDER, Integer.MAX_VALUE);
    }

    /**
     * Puts the most specific failure message first in each failed step's exit description, which is what
     * {@code status} shows. Spring Batch stores the exception's stack trace there, cut to 2,500 characters: the
     * outermost exception is often a wrapper (a listener's failure, a partition's) and the cause that names the real
     * problem is cut off. Best effort: it runs after the job ended and must never change the run's outcome.
     */
    static void recordFailureMessages(JobRepository repository, JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() != BatchStatus.FAILED
                    || step.getFailureExceptions().isEmpty()) {
                continue;
            }
            String message = FailureMessage.of(step.getFailureExceptions().get(0));
            String description = step.getExitStatus().getExitDescription();
            String first = firstLine(step.getExitStatus());
            if (message == null
                    || message.isBlank()
                    || (first != null
                            && first.contains(
                                    message.strip().lines().findFirst().orElse("")))) {
                continue;
            }
            try {
                step.setExitStatus(
                        new ExitStatus(step.getExitStatus().getExitCode(), message.strip() + "\n" + description));
                repository.update(step);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RunHistory.class)
                        .warn("cannot record the failure message of step {}", step.getStepName(), e);
            }
        }
    }

    /** The first line of the exit description: a step records the exception's stack trace there. */
    static String firstLine(ExitStatus exit) {
        if (exit == null
                || exit.getExitDescription() == null
                || exit.getExitDescription().isBlank()) {
            return null;
        }
        return exit.getExitDescription().strip().lines().findFirst().orElse(null);
    }
}
