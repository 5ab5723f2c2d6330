package dev.lite2pg.batch;

import dev.lite2pg.catchup.CatchUpLog;
import dev.lite2pg.catchup.HeldSnapshot;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * What the job repository knows about the runs of one job into one target: each job instance (a source content,
 * identified by its sha256), its executions, how far each table got, and the catch-ups applied since it completed
 * ({@link CatchUpLog}, in the repository's schema). {@link #read} only reads the repository; the
 * one write is {@link #recordFailureMessages}, which the launcher calls after a run so that what stopped it can be
 * read back here.
 */
public final class RunHistory {

    /** An execution marked running while a process holds the job's run lock: it is running now. */
    public static final String RUNNING = "RUNNING";

    /** An execution marked running that no process holds the run lock of: its process died (kill -9, Ctrl-C, crash). */
    public static final String DIED = "DIED";

    public static final String RUNNING_NOTE = "a lite2pg process holds the job's run lock: it is running now";

    public static final String DIED_NOTE = "marked running, but no process holds the job's run lock: its process died"
            + " (killed, Ctrl-C, crash); the next cutover marks it FAILED and resumes it";

    /** The state of a job that has no run in the target. */
    public static final String NONE = "NONE";

    /** A table whose copy step never started: {@link OrderedPartitionHandler}'s exit code, or a step only created. */
    static final String NOT_STARTED = "NOT_STARTED";

    /** A table whose copy was under way when its process died. */
    static final String INTERRUPTED = "INTERRUPTED";

    /**
     * @param target the target as the job repository identifies it (the database as the server names it, and the schema)
     * @param state the status of the newest run ({@link #NONE} when there is none): what an operator or a script asks first
     * @param note what the state means, in a sentence; null when the runs say it
     * @param runs newest first
     */
    public record History(
            String job, String target, String repositorySchema, String state, String note, List<RunSummary> runs) {}

    /**
     * One job instance: one source content copied into the target, over one or more executions.
     *
     * @param status the status of its newest execution
     * @param executions newest first
     * @param tables parents first (see {@link dev.lite2pg.plan.ParentsFirstOrder}), as far as the repository knows them
     * @param snapshot the snapshot file a resume reads, while the run can still be resumed (not completed, not
     *     abandoned): a full copy of the source, kept until then; null for a run that cannot be resumed
     * @param snapshotExists whether that file is still there (a resume refuses a run whose snapshot is gone)
     * @param live whether it copied while the application kept writing ({@code cutover --live})
     * @param catchUps the catch-ups applied to its target since it completed, oldest first
     * @param next what to do next with the newest run, once it completed: catch up (while it keeps the snapshot
     *     its target holds the rows of), or validate a catch-up again; null when nothing is to be done
     */
    public record RunSummary(
            long instanceId,
            String sourceSha256,
            String status,
            List<ExecutionSummary> executions,
            List<TableCopied> tables,
            String snapshot,
            boolean snapshotExists,
            boolean live,
            List<CatchUpSummary> catchUps,
            String next) {}

    /**
     * One catch-up of a completed run, as {@link CatchUpLog} records it.
     *
     * @param applied when its one transaction committed
     * @param refused changed rows with a value the target refuses (set aside under on-bad-row: quarantine)
     * @param verdict PASS or FAIL; null when it stopped between its commit and its validation (not validated)
     * @param problems what failed its validation
     */
    public record CatchUpSummary(
            int number,
            LocalDateTime applied,
            long inserted,
            long updated,
            long deleted,
            long refused,
            String verdict,
            List<String> problems) {

        static CatchUpSummary of(CatchUpLog.Entry entry) {
            return new CatchUpSummary(
                    entry.number(),
                    LocalDateTime.ofInstant(entry.applied(), ZoneId.systemDefault()),
                    entry.inserted(),
                    entry.updated(),
                    entry.deleted(),
                    entry.refused(),
                    entry.verdict(),
                    entry.problems());
        }
    }

    /**
     * @param status COMPLETED, FAILED, {@link #RUNNING}, {@link #DIED} (marked running, its process gone), ABANDONED,
     *     or Spring Batch's other statuses
     * @param stoppedIn the step a failed execution stopped in, or the steps a running (or died) one was in, comma
     *     separated: {@code copy:<table>} for a table; null when none
     * @param error the first line of what stopped it; null when nothing is recorded
     * @param note a remark for the operator, e.g. what RUNNING or DIED means; null when none
     * @param runFolder where the execution wrote its log and reports; null for one recorded before lite2pg kept it
     * @param verdict the validation verdict of the report the execution wrote (PASS, PASS_WITH_WARNINGS, FAIL); null
     *     when it wrote none
     */
    public record ExecutionSummary(
            long id,
            LocalDateTime started,
            LocalDateTime ended,
            String status,
            String stoppedIn,
            String error,
            String note,
            String runFolder,
            String verdict) {}

    /**
     * @param table the target table
     * @param sourceTable the SQLite table it is copied from
     * @param status the status of the table's last copy step, or of its rowid ranges' combined: COMPLETED, FAILED,
     *     RUNNING, INTERRUPTED (its process died during the copy), NOT_STARTED, or Spring Batch's other statuses
     * @param copied source rows read by the chunks that committed: the reader's count, saved in each chunk's
     *     transaction; rows set aside in the quarantine are among them
     * @param total rows in the source table, counted in the run's snapshot when the copy step started
     */
    public record TableCopied(String table, String sourceTable, String status, long copied, long total) {}

    private RunHistory() {}

    /**
     * @param target the target as the server names it: every spelling of its URL shows the same runs
     * @param runLockHeld whether a process holds the job's run lock now: it tells a running execution from a dead one
     */
    public static History read(
            JobRepository repository, DataSource session, JobDefinition job, TargetIdentity target, boolean runLockHeld)
            throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        for (PreviousRun run : PreviousRun.newestFirst(repository, job, target).toList()) {
            List<CatchUpLog.Entry> catchUps = HeldSnapshot.catchUps(
                    session, job.repositorySchema(), run.instance().getInstanceId());
            runs.add(summarize(run, catchUps, runs.isEmpty(), runLockHeld));
        }
        if (runs.isEmpty()) {
            return none(job, target, true);
        }
        return new History(
                job.name(),
                target.recorded(),
                job.repositorySchema(),
                runs.get(0).status(),
                null,
                runs);
    }

    /** @param repositoryExists false when the target has no job repository at all (none is created to say so) */
    public static History none(JobDefinition job, TargetIdentity target, boolean repositoryExists) {
        String note = "no run of job " + job.name() + " exists in this target"
                + (repositoryExists
                        ? ""
                        : ": it has no job repository (schema " + job.repositorySchema()
                                + " holds none; status created nothing)");
        return new History(job.name(), target.recorded(), job.repositorySchema(), NONE, note, List.of());
    }

    private static RunSummary summarize(
            PreviousRun run, List<CatchUpLog.Entry> catchUps, boolean newest, boolean runLockHeld) {
        List<JobExecution> newestFirst = new ArrayList<>(run.executions());
        Collections.reverse(newestFirst);
        List<ExecutionSummary> executions = new ArrayList<>();
        for (JobExecution execution : newestFirst) {
            executions.add(summarize(execution, runLockHeld));
        }
        List<TableCopied> tables = tables(run.executions(), runLockHeld);
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
                snapshot != null && Files.isRegularFile(Path.of(snapshot)),
                live(run),
                catchUps.stream().map(CatchUpSummary::of).toList(),
                newest && last == BatchStatus.COMPLETED ? next(run, catchUps) : null);
    }

    private static boolean live(PreviousRun run) {
        return Boolean.parseBoolean(run.last().getJobParameters().getString(CutoverLauncher.SOURCE_LIVE));
    }

    /**
     * A completed run's next step: a catch-up while it keeps the snapshot its target holds (a --live run keeps it;
     * so does one the source was written to during), or a catch-up's validation again.
     */
    private static String next(PreviousRun run, List<CatchUpLog.Entry> catchUps) {
        HeldSnapshot held = HeldSnapshot.of(run.snapshot(), run.sourceSha256(), run.sourceStamp(), catchUps);
        if (held.catchUp().isPresent()) {
            CatchUpLog.Entry newest = held.catchUp().get();
            if (newest.passed()) {
                return null;
            }
            return "catch-up " + newest.number()
                    + (newest.verdict() == null
                            ? " was applied and not validated (it stopped before its verdict)"
                            : " failed its validation")
                    + ": lite2pg catch-up --job FILE validates again the tables it changed (and applies what the"
                    + " source changed since)";
        }
        boolean kept = Files.isRegularFile(held.file());
        if (!live(run) && !kept) {
            return null;
        }
        return kept
                ? "the target is complete as of the snapshot " + held.file() + " (kept as the base of catch-up);"
                        + " next: stop the application, then lite2pg catch-up --job FILE applies what it wrote since"
                : "the target is complete as of the snapshot " + held.file() + ", which is gone: a catch-up cannot"
                        + " tell what changed since; with the application stopped, cutover --fresh copies everything"
                        + " again";
    }

    private static ExecutionSummary summarize(JobExecution execution, boolean runLockHeld) {
        BatchStatus batchStatus = execution.getStatus();
        boolean running = batchStatus.isRunning();
        String status = running ? (runLockHeld ? RUNNING : DIED) : batchStatus.name();
        String runFolder = execution.getJobParameters().getString(CutoverLauncher.RUN_FOLDER);
        if (batchStatus == BatchStatus.COMPLETED) {
            return new ExecutionSummary(
                    execution.getId(),
                    execution.getStartTime(),
                    execution.getEndTime(),
                    status,
                    null,
                    null,
                    null,
                    runFolder,
                    verdict(runFolder));
        }
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparingLong(StepExecution::getId));
        StepExecution stopped = steps.stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED && !neverStarted(s))
                .findFirst()
                .orElse(null);
        String stoppedIn = stopped == null ? null : stopped.getStepName();
        if (stopped != null && CopySteps.isCopy(stopped)) {
            // The partition manager only says that a table failed, or that tables are being copied: name the
            // tables' own steps, those that had started and not finished; a running copy may be in several at once.
            List<StepExecution> tables = steps.stream()
                    .filter(s -> CopySteps.isTable(s) && s.getStatus() != BatchStatus.COMPLETED && !neverStarted(s))
                    .sorted(Comparator.comparingInt(RunHistory::order))
                    .toList();
            List<StepExecution> named = tables.stream()
                    .filter(s -> running ? s.getStatus().isRunning() : s.getStatus() == BatchStatus.FAILED)
                    .toList();
            if (named.isEmpty()) {
                named = tables.stream().limit(1).toList();
            }
            if (!named.isEmpty()) {
                stopped = named.get(0);
                stoppedIn = String.join(
                        ", ", named.stream().map(StepExecution::getStepName).toList());
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
                stoppedIn,
                error,
                running ? (runLockHeld ? RUNNING_NOTE : DIED_NOTE) : null,
                runFolder,
                verdict(runFolder));
    }

    /** The verdict of the report in the run folder; null when there is none, or it cannot be read (status only shows it). */
    private static String verdict(String runFolder) {
        if (runFolder == null) {
            return null;
        }
        try {
            return ReportWriter.written(Path.of(runFolder))
                    .map(report -> String.valueOf(report.verdict()))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A step that never ran: the partition manager creates every table's step execution before it runs any (status
     * STARTING until it starts), and {@link OrderedPartitionHandler} marks those it did not reach after a failure.
     */
    private static boolean neverStarted(StepExecution step) {
        return step.getStatus() == BatchStatus.STARTING
                || NOT_STARTED.equals(step.getExitStatus().getExitCode());
    }

    /**
     * Each table's last copy steps over all executions (a finished table or range is not copied again by a later
     * execution); a table cut into rowid ranges is one table, its rows summed over its ranges.
     */
    private static List<TableCopied> tables(List<JobExecution> oldestFirst, boolean runLockHeld) {
        List<List<StepExecution>> tables =
                new ArrayList<>(TableSteps.lastByTable(oldestFirst).values());
        tables.sort(Comparator.comparingInt((List<StepExecution> steps) -> order(steps.get(0)))
                .thenComparing(steps -> CopySteps.table(steps.get(0))));
        return tables.stream().map(steps -> table(steps, runLockHeld)).toList();
    }

    private static TableCopied table(List<StepExecution> steps, boolean runLockHeld) {
        var context = steps.get(0).getExecutionContext();
        return new TableCopied(
                CopySteps.table(steps.get(0)),
                context.getString(CopyPartitioner.SOURCE_TABLE),
                status(steps, runLockHeld),
                TableSteps.sum(steps, SqliteItemReader.ROWS_KEY),
                context.getLong(CopyPartitioner.SOURCE_ROWS));
    }

    /** A table's: running while any range runs, failed when any failed, not started when none started. */
    /** One status for a table from its steps (one, or one per rowid range): what is going on, or went wrong, first. */
    private static String status(List<StepExecution> steps, boolean runLockHeld) {
        List<String> statuses =
                steps.stream().map(step -> status(step, runLockHeld)).toList();
        for (String status : List.of(RUNNING, INTERRUPTED, BatchStatus.FAILED.name())) {
            if (statuses.contains(status)) {
                return status;
            }
        }
        return statuses.stream()
                .filter(s -> !s.equals(BatchStatus.COMPLETED.name()) && !s.equals(NOT_STARTED))
                .findFirst()
                .orElse(statuses.contains(NOT_STARTED) ? NOT_STARTED : BatchStatus.COMPLETED.name());
    }

    private static String status(StepExecution step, boolean runLockHeld) {
        if (neverStarted(step)) {
            return NOT_STARTED;
        }
        if (step.getStatus().isRunning()) {
            boolean live = runLockHeld && step.getJobExecution().getStatus().isRunning();
            return live ? RUNNING : INTERRUPTED;
        }
        return step.getStatus().name();
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
