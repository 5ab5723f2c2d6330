package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.source.sqlite.SqliteSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the job repository knows about the runs of one job into one target: each job instance (a source
 * content, identified by its sha256), its executions, and how far each table got. Reading writes nothing to the
 * repository, and opens the source file read-only to count the rows a table should end with. The launcher also calls
 * {@link #recordFailureMessages} after a run, so that what stopped a run can be read back here.
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
    public record History(String job, String target, String repositorySchema, List<RunSummary> runs) {
    }

    /**
     * One job instance: one source content copied into the target, over one or more executions.
     *
     * @param status the status of its newest execution
     * @param executions newest first
     * @param tables in copy (foreign-key) order, as far as the repository knows them
     * @param snapshot the snapshot file a resume reads, while the run can still be resumed (not completed, not
     *     abandoned): a full copy of the source, kept until then; null for a run that cannot be resumed
     * @param snapshotExists whether that file is still there (a resume refuses a run whose snapshot is gone)
     */
    public record RunSummary(long instanceId, String sourceSha256, String status, List<ExecutionSummary> executions,
                             List<TableCopied> tables, String snapshot, boolean snapshotExists) {
    }

    /**
     * @param status COMPLETED, FAILED, STARTED (still running, or its process died), ABANDONED, or Spring Batch's other statuses
     * @param stoppedIn the step a failed (or unfinished) execution stopped in: {@code copy:<table>} for a table; null when none
     * @param error the first line of what stopped it; null when nothing is recorded
     * @param note a remark for the operator, e.g. what STARTED means; null when none
     */
    public record ExecutionSummary(long id, LocalDateTime started, LocalDateTime ended, String status, String stoppedIn,
                                   String error, String note) {
    }

    /**
     * @param table the target table
     * @param sourceTable the SQLite table it is copied from; null when the repository does not say (runs before it did)
     * @param status the status of the table's last copy step: COMPLETED, FAILED, STARTED or NOT_STARTED
     * @param copied rows committed into the target
     * @param total rows in the source table; null when unknown (source file missing or changed since the run)
     */
    public record TableCopied(String table, String sourceTable, String status, long copied, Long total) {
    }

    private RunHistory() {
    }

    /** @param target the target as the server names it: every spelling of its URL shows the same runs */
    public static History read(JobRepository repository, JobDefinition job, TargetIdentity target) {
        SourceTotals totals = new SourceTotals(job.source().path());
        List<RunSummary> runs = new ArrayList<>();
        List<JobInstance> instances = new ArrayList<>(repository.findJobInstances(job.name()));
        instances.sort(Comparator.comparingLong(JobInstance::getInstanceId).reversed());
        for (JobInstance instance : instances) {
            List<JobExecution> executions = new ArrayList<>(repository.getJobExecutions(instance));
            if (executions.isEmpty() || !target.matches(executions.get(0).getJobParameters().getString(CutoverLauncher.TARGET))) {
                continue;
            }
            executions.sort(Comparator.comparingLong(JobExecution::getId));
            runs.add(summarize(instance, executions, totals));
        }
        return new History(job.name(), target.recorded(), job.repositorySchema(), runs);
    }

    private static RunSummary summarize(JobInstance instance, List<JobExecution> oldestFirst, SourceTotals totals) {
        String sha256 = oldestFirst.get(0).getJobParameters().getString("source.sha256");
        List<JobExecution> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        List<ExecutionSummary> executions = new ArrayList<>();
        for (JobExecution execution : newestFirst) {
            executions.add(summarize(execution));
        }
        Set<Path> sourceFiles = new LinkedHashSet<>();
        for (JobExecution execution : newestFirst) {
            for (String key : List.of(CutoverLauncher.SNAPSHOT, CutoverLauncher.SOURCE_PATH)) {
                String path = execution.getJobParameters().getString(key);
                if (path != null) {
                    sourceFiles.add(Path.of(path));
                }
            }
        }
        List<TableCopied> tables = tables(oldestFirst, totals.forRun(sha256, sourceFiles));
        BatchStatus last = newestFirst.get(0).getStatus();
        String snapshot = last == BatchStatus.COMPLETED || last == BatchStatus.ABANDONED ? null
                : newestFirst.get(0).getJobParameters().getString(CutoverLauncher.SNAPSHOT);
        return new RunSummary(instance.getInstanceId(), sha256, executions.get(0).status(), executions, tables, snapshot,
                snapshot != null && Files.isRegularFile(Path.of(snapshot)));
    }

    private static ExecutionSummary summarize(JobExecution execution) {
        BatchStatus batchStatus = execution.getStatus();
        boolean running = batchStatus.isRunning();
        String status = running ? STARTED : batchStatus.name();
        if (batchStatus == BatchStatus.COMPLETED) {
            return new ExecutionSummary(execution.getId(), execution.getStartTime(), execution.getEndTime(), status, null, null, null);
        }
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparingLong(StepExecution::getId));
        StepExecution stopped = steps.stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED).findFirst().orElse(null);
        if (stopped != null && isCopy(stopped)) {
            // The partition manager only says that a table failed: name the table's own step.
            StepExecution table = steps.stream()
                    .filter(s -> isTableStep(s) && s.getStatus() != BatchStatus.COMPLETED && !NOT_STARTED.equals(s.getExitStatus().getExitCode()))
                    .min(Comparator.comparingInt(RunHistory::order)).orElse(null);
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
        return new ExecutionSummary(execution.getId(), execution.getStartTime(), execution.getEndTime(), status,
                stopped == null ? null : stopped.getStepName(), error, running ? STARTED_NOTE : null);
    }

    /** Each table's last copy step over all executions: a finished table is not copied again by a later execution. */
    private static List<TableCopied> tables(List<JobExecution> oldestFirst, Optional<Path> source) {
        Map<String, StepExecution> last = new LinkedHashMap<>();
        for (JobExecution execution : oldestFirst) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (isTableStep(step)) {
                    last.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        List<StepExecution> steps = new ArrayList<>(last.values());
        steps.sort(Comparator.comparingInt(RunHistory::order).thenComparing(StepExecution::getStepName));
        List<TableCopied> tables = new ArrayList<>();
        if (steps.isEmpty()) {
            return tables;
        }
        try (SqliteSource counts = source.map(RunHistory::openQuietly).orElse(null)) {
            for (StepExecution step : steps) {
                tables.add(table(step, counts));
            }
        }
        return tables;
    }

    private static SqliteSource openQuietly(Path file) {
        try {
            return SqliteSource.open(file);
        } catch (Lite2pgException e) {
            return null; // totals are a courtesy: without the file they are shown as unknown
        }
    }

    private static TableCopied table(StepExecution step, SqliteSource counts) {
        var context = step.getExecutionContext();
        String table = context.containsKey(CopyPartitioner.TABLE) ? context.getString(CopyPartitioner.TABLE)
                : step.getStepName().substring("copy:".length());
        String sourceTable = context.containsKey(CopyPartitioner.SOURCE_TABLE) ? context.getString(CopyPartitioner.SOURCE_TABLE) : null;
        String status = NOT_STARTED.equals(step.getExitStatus().getExitCode()) ? NOT_STARTED
                : step.getStatus().isRunning() ? STARTED : step.getStatus().name();
        Long total = context.containsKey(CopyPartitioner.SOURCE_ROWS) ? context.getLong(CopyPartitioner.SOURCE_ROWS) : null;
        if (total == null && counts != null && sourceTable != null) {
            try {
                total = counts.rowCount(sourceTable);
            } catch (Lite2pgException e) {
                total = null; // the table is not in this file: unknown rather than wrong
            }
        }
        return new TableCopied(table, sourceTable, status, context.getLong(SqliteItemReader.ROWS_KEY, 0L), total);
    }

    private static boolean isCopy(StepExecution step) {
        return step.getStepName().equals("copy") || isTableStep(step);
    }

    private static boolean isTableStep(StepExecution step) {
        return step.getStepName().startsWith("copy:");
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
            if (step.getStatus() != BatchStatus.FAILED || step.getFailureExceptions().isEmpty()) {
                continue;
            }
            String message = mostSpecificMessage(step.getFailureExceptions().get(0));
            String description = step.getExitStatus().getExitDescription();
            String first = firstLine(step.getExitStatus());
            if (message == null || message.isBlank() || (first != null && first.contains(message.strip().lines().findFirst().orElse("")))) {
                continue;
            }
            try {
                step.setExitStatus(new ExitStatus(step.getExitStatus().getExitCode(), message.strip() + "\n" + description));
                repository.update(step);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RunHistory.class).warn("cannot record the failure message of step {}", step.getStepName(), e);
            }
        }
    }

    /** Ours when there is one (it says what to do), else the deepest cause's, which names the real problem. */
    private static String mostSpecificMessage(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Lite2pgException || t instanceof dev.lite2pg.copy.RowsRefusedException) {
                return t.getMessage();
            }
            deepest = t;
        }
        return deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
    }

    /** The first line of the exit description: a step records the exception's stack trace there. */
    static String firstLine(ExitStatus exit) {
        if (exit == null || exit.getExitDescription() == null || exit.getExitDescription().isBlank()) {
            return null;
        }
        return exit.getExitDescription().strip().lines().findFirst().orElse(null);
    }

    /**
     * Row counts of the source tables, only from a file whose content is the run's (same sha256): counting a changed
     * file would show a total the run never had to copy.
     */
    private static final class SourceTotals {

        private final Path jobSource;
        private final Map<Path, Optional<String>> sha256ByFile = new HashMap<>();

        SourceTotals(Path jobSource) {
            this.jobSource = jobSource;
        }

        /** A file holding exactly the run's source: the job's source file, else one a run of it read. */
        Optional<Path> forRun(String sha256, Set<Path> runSourceFiles) {
            Set<Path> candidates = new LinkedHashSet<>();
            candidates.addAll(runSourceFiles);
            candidates.add(jobSource);
            return candidates.stream().filter(file -> sha256 != null && sha256.equals(sha256Of(file).orElse(null))).findFirst();
        }

        private Optional<String> sha256Of(Path file) {
            return sha256ByFile.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
                if (!Files.isRegularFile(f)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(SourceFingerprint.sha256(f));
                } catch (Lite2pgException e) {
                    return Optional.empty();
                }
            });
        }
    }
}
