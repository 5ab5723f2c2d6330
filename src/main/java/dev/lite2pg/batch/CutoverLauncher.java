package dev.lite2pg.batch;

import dev.lite2pg.jobfile.BadRowPolicy;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.OrphanPolicies;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.RunLock;
import dev.lite2pg.postgres.StagingArea;
import dev.lite2pg.progress.Activity;
import dev.lite2pg.progress.ProgressDisplay;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.source.DisposableSnapshot;
import dev.lite2pg.source.LiveChanges;
import dev.lite2pg.source.SourceSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts Spring for one run against the job's target, takes the run lock, and then either resumes the newest run of
 * the job into this target (same snapshot of the source, same job instance), reports that it already completed, or
 * starts a new run from a new snapshot.
 */
public final class CutoverLauncher {

    static final String TARGET = "target";
    static final String RUN_ID = "run.id";
    static final String SOURCE_SHA256 = "source.sha256";
    /** The source file's own sha256 just before the snapshot (the snapshot's differs: SQLite writes its own pages). */
    static final String SOURCE_FILE_SHA256 = "source.file.sha256";

    static final String SOURCE_PATH = "source.path";
    static final String SNAPSHOT = "source.snapshot";
    static final String SOURCE_STAMP = "source.stamp";
    /** Where one execution writes its log and reports: a new folder per launch, so not identifying. */
    static final String RUN_FOLDER = "run.folder";
    /** How many tables the source file held when the snapshot was taken: validation never passes a run that copied none of them. */
    static final String SOURCE_TABLES = "source.tables";
    /** "true" when the run copies while the application keeps writing ({@code cutover --live}): see {@link Options#live}. */
    static final String SOURCE_LIVE = "source.live";

    /** The option that lets {@code --fresh} empty tables the application wrote into after a completed cutover. */
    public static final String DISCARD_CHANGES = "--discard-changes-since-cutover";

    static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /**
     * @param fresh abandon the previous run and start a new one
     * @param confirm asked, with what a fresh start would do, before anything is changed; false leaves everything as it was
     * @param parallelism tables copied at the same time
     * @param rehearsal what makes this run a dry-run; null for a real cutover
     * @param discardChanges let {@code fresh} empty tables that changed since a completed run ({@value #DISCARD_CHANGES})
     * @param verbose also show the run's log (INFO and up) on standard error, not only in lite2pg.log
     * @param live the application keeps writing to the source meanwhile: the target is complete as of the snapshot,
     *     which is kept as the base of a later {@code catch-up}; writes after it do not fail the verdict
     */
    public record Options(
            boolean fresh,
            Predicate<String> confirm,
            int parallelism,
            Rehearsal rehearsal,
            boolean discardChanges,
            boolean verbose,
            boolean live) {

        public Options(
                boolean fresh,
                Predicate<String> confirm,
                int parallelism,
                Rehearsal rehearsal,
                boolean discardChanges,
                boolean verbose) {
            this(fresh, confirm, parallelism, rehearsal, discardChanges, verbose, false);
        }

        public Options(
                boolean fresh,
                Predicate<String> confirm,
                int parallelism,
                Rehearsal rehearsal,
                boolean discardChanges) {
            this(fresh, confirm, parallelism, rehearsal, discardChanges, false);
        }

        public Options(boolean fresh, Predicate<String> confirm, int parallelism) {
            this(fresh, confirm, parallelism, null, false);
        }

        public static Options dryRun(int parallelism, Rehearsal rehearsal) {
            return new Options(false, what -> true, parallelism, rehearsal, false);
        }

        public Options verbosely(boolean verbose) {
            return new Options(fresh, confirm, parallelism, rehearsal, discardChanges, verbose, live);
        }

        public Options whileLive(boolean live) {
            return new Options(fresh, confirm, parallelism, rehearsal, discardChanges, verbose, live);
        }

        public Options {
            requireParallelism(parallelism);
        }

        /** @return {@code parallelism}, when it is at least 1; else a refusal (bad usage) */
        public static int requireParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new Lite2pgException(ErrorCode.USAGE, "--parallel must be at least 1, not " + parallelism);
            }
            return parallelism;
        }

        public static Options resumeOrStart() {
            return new Options(false, what -> true, defaultParallelism());
        }

        /** One table per core: the SQLite reading and conversion of a table keep one core busy, its COPY the server. */
        public static int defaultParallelism() {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param cutoverJob the name of the job whose cutover this rehearses: a target holding any run of it is refused, and
     *     its run lock is held for the whole dry-run
     * @param declared the job file's own on-bad-row: the dry-run quarantines to find every bad row at once, and the
     *     verdict then says what the real cutover would do
     * @param declaredOrphans the job file's own orphans, for the same reason
     * @param keep leave the copied data and the run's records in the target to inspect
     */
    public record Rehearsal(String cutoverJob, BadRowPolicy declared, OrphanPolicies declaredOrphans, boolean keep) {}

    private CutoverLauncher() {}

    public static RunResult launch(JobDefinition job, Options options, TargetCredentials credentials, PrintWriter out)
            throws Exception {
        // The report's total counts from here: the start checks, Spring's start and the run lock are part of what the
        // operator waits for.
        Instant began = Instant.now();
        StartChecks.run(job, credentials);
        String runName = LocalDateTime.now().format(RUN_NAME);
        Path runFolder = job.output().resolve(job.name()).resolve(runName);
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return launch(job, options, credentials, out, runName, runFolder, started, began);
        } finally {
            if (!started.get()) {
                // Refused (or already complete) before the run began: its folder would hold only Spring's log.
                RefusedStart.removeRunFolder(runFolder);
            }
        }
    }

    private static RunResult launch(
            JobDefinition job,
            Options options,
            TargetCredentials credentials,
            PrintWriter out,
            String runName,
            Path runFolder,
            java.util.concurrent.atomic.AtomicBoolean started,
            Instant began)
            throws Exception {
        Rehearsal rehearsal = options.rehearsal();
        if (rehearsal == null && !options.fresh()) {
            // The most frequent answer after a cutover, "already completed", needs neither Spring nor a snapshot.
            Optional<RunResult> completed = AlreadyCompleted.beforeSpring(job, credentials, runFolder, out);
            if (completed.isPresent()) {
                return completed.get();
            }
        }
        // A dry-run holds the cutover's own lock from before it looks at the target until its clean-up is done, so a
        // cutover of the job into this target cannot start in between (and a running one makes the dry-run exit 2).
        DataSource direct = rehearsal == null ? null : ReadOnlyTarget.plain(job, credentials);
        try (RunLock cutoverLock = rehearsal == null
                ? null
                : RunLock.acquire(
                        direct,
                        rehearsal.cutoverJob(),
                        TargetIdentity.of(direct, job).recorded())) {
            StagingArea before = rehearsal == null ? null : stagingArea(direct, job, rehearsal);
            // A dry-run's snapshot is deleted however the process ends (SIGTERM included): no run can resume from it.
            try (DisposableSnapshot dryRunSnapshot = rehearsal == null
                            ? null
                            : DisposableSnapshot.guard(snapshotFile(job, runName), "the dry-run's snapshot");
                    ConfigurableApplicationContext spring = SpringTarget.start(
                            job,
                            credentials,
                            runFolder.resolve("lite2pg.log"),
                            options.parallelism(),
                            options.verbose())) {
                DataSource dataSource = spring.getBean(DataSource.class);
                TargetIdentity target = TargetIdentity.of(dataSource, job);
                try (RunLock lock = RunLock.acquire(dataSource, job.name(), target.recorded())) {
                    Launch launch = new Launch(spring, job, target, runName, runFolder, out, options, started, began);
                    RunResult result = launch.run(options);
                    if (before != null && !rehearsal.keep()) {
                        launch.leaveAsFound(before);
                    }
                    return result;
                }
            }
        }
    }

    /** What the dry-run's target holds before anything is written, or a refusal when it holds any run of the cutover. */
    private static StagingArea stagingArea(DataSource dataSource, JobDefinition job, Rehearsal rehearsal)
            throws SQLException {
        StagingArea area = StagingArea.inspect(dataSource, job.target().schema(), job.repositorySchema());
        Optional<String> cutover = area.cutoverRun(dataSource, rehearsal.cutoverJob());
        if (cutover.isPresent()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the target " + job.target().redactedUrl() + " holds a cutover: "
                            + cutover.get() + " in its job repository " + job.repositorySchema()
                            + ". A dry-run never touches a cutover's"
                            + " target, running, failed or finished; nothing was touched. Rehearse against a staging database (--target-url),"
                            + " or without any (no --target-url and no target section: an embedded PostgreSQL).");
        }
        return area;
    }

    /** One launch, under the run lock: no other process works on this job and target meanwhile. */
    private static final class Launch {

        private final JobDefinition job;
        private final TargetIdentity target;
        private final String runName;
        private final Path runFolder;
        private final PrintWriter out;
        private final DataSource dataSource;
        private final JobRepository repository;
        private final JobOperator operator;
        private final PlatformTransactionManager transactions;
        private final int parallelism;
        private final Rehearsal rehearsal;
        private final boolean live;
        /** Set when the run begins (its snapshot): from then on its folder is the run's. */
        private final java.util.concurrent.atomic.AtomicBoolean started;

        private final Instant began;

        Launch(
                ConfigurableApplicationContext spring,
                JobDefinition job,
                TargetIdentity target,
                String runName,
                Path runFolder,
                PrintWriter out,
                Options options,
                java.util.concurrent.atomic.AtomicBoolean started,
                Instant began) {
            this.started = started;
            this.began = began;
            this.target = target;
            this.parallelism = options.parallelism();
            this.rehearsal = options.rehearsal();
            this.live = options.live();
            this.job = job;
            this.runName = runName;
            this.runFolder = runFolder;
            this.out = out;
            this.dataSource = spring.getBean(DataSource.class);
            this.repository = spring.getBean(JobRepository.class);
            this.operator = spring.getBean(JobOperator.class);
            this.transactions = spring.getBean(PlatformTransactionManager.class);
        }

        RunResult run(Options options) throws Exception {
            recoverDeadRuns();
            Optional<PreviousRun> previous = PreviousRun.newest(repository, job, target);
            if (options.rehearsal() != null) {
                // Every dry-run starts from scratch: rows a kept earlier rehearsal left are emptied first.
                if (previous.isPresent() && previous.get().status() != BatchStatus.ABANDONED) {
                    FreshStart.of(previous.get(), dataSource, repository, transactions, job)
                            .run(what -> true, out);
                }
                return start(SnapshotPlan.NEW, null);
            }
            if (options.fresh()) {
                if (previous.isPresent()
                        && !FreshStart.of(previous.get(), dataSource, repository, transactions, job)
                                .guardingChanges(options.discardChanges())
                                .run(options.confirm(), out)) {
                    throw new Lite2pgException(
                            ErrorCode.PRECONDITION,
                            "--fresh was not confirmed; nothing was changed."
                                    + " Answer yes, or add --yes when no one can answer (scripts, CI).");
                }
                return start(SnapshotPlan.NEW, null);
            }
            if (previous.isEmpty() || previous.get().status() == BatchStatus.ABANDONED) {
                return start(SnapshotPlan.NEW, null);
            }
            PreviousRun last = previous.get();
            if (last.status() == BatchStatus.COMPLETED) {
                return AlreadyCompleted.verdict(job, last, dataSource, runFolder, out);
            }
            boolean rowsCopied = last.rowsCopied() > 0;
            if (rowsCopied && !sameFile(last)) {
                // Resuming would finish filling the target from the old file's snapshot while the operator named
                // another.
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "job " + job.name() + ": " + last.describe() + " copies "
                                + last.sourcePath() + " (from its snapshot), not "
                                + job.source().path() + ", and already wrote "
                                + last.rowsCopied() + " row(s) of it into the target. Nothing was written. To copy "
                                + job.source().path()
                                + " instead: cutover --fresh (empties the tables the failed run copied). To finish the failed run:"
                                + " cutover --source " + last.sourcePath());
            }
            if (!rowsCopied && !sourceAsSnapshotted(last)) {
                // Nothing of the old snapshot is in the target: the operator fixed the source (e.g. after a refused
                // orphan), in place or in another file named with --source, and expects it to be copied, not the
                // snapshot of the broken one. Abandoning the run loses nothing, so --fresh is not required.
                out.println("[resume] " + last.describe() + " stopped before copying any row and "
                        + (sameFile(last)
                                ? "the source has changed since its snapshot"
                                : "the source is now " + job.source().path() + ", not " + last.sourcePath())
                        + ": it is abandoned and a new run starts from the source as it is now");
                FreshStart.of(last, dataSource, repository, transactions, job).run(what -> true, out);
                return start(SnapshotPlan.NEW, null);
            }
            return start(SnapshotPlan.RESUME, last);
        }

        private boolean sameFile(PreviousRun last) {
            return AlreadyCompleted.sameFile(job, last);
        }

        private boolean sourceAsSnapshotted(PreviousRun last) {
            return AlreadyCompleted.sourceAsSnapshotted(job, last);
        }

        private enum SnapshotPlan {
            NEW,
            RESUME
        }

        private RunResult start(SnapshotPlan plan, PreviousRun resumed) throws Exception {
            started.set(true);
            Path snapshotFile;
            String sha256;
            String stamp;
            JobParameters parameters;
            if (plan == SnapshotPlan.RESUME) {
                snapshotFile = resumable(resumed);
                sha256 = resumed.sourceSha256();
                stamp = resumed.sourceStamp();
                parameters = resumed.last().getJobParameters();
                recoverUnknownRun(resumed.last());
                out.println("[resume] " + resumed.describe() + ": resuming from its snapshot " + snapshotFile
                        + " (sha256 " + sha256 + ", verified)");
                if (!sourceAsSnapshotted(resumed)) {
                    out.println(
                            "[resume] note: the source " + job.source().path()
                                    + " is not as it was when the snapshot was taken;"
                                    + " the resume copies the snapshot, as the run started. To copy the source as it is now: cutover --fresh");
                }
            } else {
                snapshotFile = snapshotFile(job, runName);
                SourceSnapshot snapshot;
                try (Activity working = Activity.start(
                        ProgressDisplay.forConsole(out, ""), "snapshot", snapshotProgress(snapshotFile))) {
                    snapshot = SourceSnapshot.take(job.source().path(), snapshotFile);
                }
                sha256 = snapshot.sha256();
                stamp = snapshot.stamp();
                parameters = new JobParametersBuilder()
                        .addString(RUN_ID, runName, true)
                        .addString(SOURCE_SHA256, sha256, true)
                        .addString(SOURCE_FILE_SHA256, snapshot.sourceSha256(), false)
                        .addString(TARGET, target.recorded(), true)
                        .addString(SOURCE_PATH, job.source().path().toString(), false)
                        .addString(SNAPSHOT, snapshotFile.toString(), false)
                        .addString(SOURCE_STAMP, stamp, false)
                        .addLong(SOURCE_TABLES, (long) snapshot.sourceTables(), false)
                        .addString(SOURCE_LIVE, Boolean.toString(live), false)
                        .toJobParameters();
                out.println("[snapshot] " + job.source().path() + " (file sha256 " + snapshot.sourceSha256()
                        + ") copied with SQLite's online backup to " + snapshotFile + " (snapshot sha256 " + sha256
                        + ")");
            }
            out.flush();
            // A resume with --live makes the run a live one; one without it keeps what the run started as.
            boolean liveRun = live || Boolean.parseBoolean(parameters.getString(SOURCE_LIVE));
            parameters = new JobParametersBuilder(parameters)
                    .addString(RUN_FOLDER, runFolder.toString(), false)
                    .addString(SOURCE_LIVE, Boolean.toString(liveRun), false)
                    .toJobParameters();
            CutoverRun run = new CutoverRun(
                    job,
                    parameters.getString(RUN_ID),
                    snapshotFile,
                    sha256,
                    runFolder,
                    dataSource,
                    out,
                    parallelism,
                    rehearsal == null
                            ? RunMode.cutover(job.onBadRow(), job.orphans())
                            : RunMode.dryRun(
                                    job.onBadRow(), rehearsal.declared(), job.orphans(), rehearsal.declaredOrphans()),
                    began,
                    plan == SnapshotPlan.RESUME);
            JobExecution execution =
                    operator.start(new CutoverJobFactory(repository, transactions, parallelism).build(run), parameters);
            RunHistory.recordFailureMessages(repository, execution);
            boolean sourceChanged = SourceWrites.since(job.source().path(), stamp);
            String liveChanges = null;
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                if (rehearsal == null && (liveRun || sourceChanged)) {
                    // What the target holds exactly: the base a catch-up compares the source with.
                    out.println("[snapshot] kept " + snapshotFile + " as the base of catch-up: stop the application,"
                            + " then lite2pg catch-up --job FILE applies what it wrote since the snapshot");
                    liveChanges =
                            LiveChanges.since(snapshotFile, job.source().path()).describe();
                    out.println("[snapshot] " + liveChanges);
                    List<String> notCatchable = dev.lite2pg.catchup.CatchUp.notCatchable(job, snapshotFile, dataSource);
                    if (!notCatchable.isEmpty()) {
                        out.println("[snapshot] WARNING: catch-up cannot take changes to "
                                + String.join(", ", notCatchable)
                                + " (no primary key copied into a primary key or unique constraint of the target):"
                                + " if the application writes to them before the freeze, leave them out of the job"
                                + " (mapping.exclude) and move them yourself, or copy everything during the freeze"
                                + " (cutover --fresh)");
                    }
                } else {
                    SourceSnapshot.delete(snapshotFile);
                    out.println("[snapshot] deleted " + snapshotFile + ": the run is complete and will not be resumed");
                }
            }
            return new RunResult(
                    execution.getStatus(),
                    failuresMostSpecificFirst(execution),
                    runFolder,
                    // The report this launch wrote, as the operator reads it; a new folder per launch holds no other.
                    ReportWriter.written(runFolder).orElse(null),
                    false,
                    sourceChanged,
                    liveRun,
                    liveChanges);
        }

        /**
         * What the snapshot has written so far, from the size of its partial file: the backup and then the hashing of
         * both files are single calls that take seconds a gigabyte.
         */
        private Supplier<String> snapshotProgress(Path snapshotFile) {
            Path source = job.source().path();
            Path partial = snapshotFile.resolveSibling(snapshotFile.getFileName() + ".partial");
            long sourceBytes = source.toFile().length();
            return () -> {
                long written = Math.max(
                        partial.toFile().length(), snapshotFile.toFile().length());
                return "[snapshot] " + source + " (" + mib(sourceBytes) + ") with SQLite's online backup: "
                        + mib(written) + " written"
                        + (written >= sourceBytes ? ", computing the sha256 of the source and of the snapshot" : "");
            };
        }

        private static String mib(long bytes) {
            return String.format(java.util.Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
        }

        /** Removes what the dry-run wrote: its rows, the objects the migrations created, its records, its snapshot. */
        void leaveAsFound(StagingArea before) throws SQLException {
            Optional<PreviousRun> run = PreviousRun.newest(repository, job, target);
            if (before.schemaHadRelations() && run.isPresent()) {
                // The application tables were there before: keep them, empty them, and put back any key or index a
                // failed run left dropped.
                FreshStart.of(run.get(), dataSource, repository, transactions, job)
                        .run(what -> true, out);
            }
            run.map(PreviousRun::snapshot).ifPresent(SourceSnapshot::delete);
            StagingArea.Cleanup cleanup = before.leaveAsFound(dataSource, job.name(), rehearsal.cutoverJob());
            cleanup.done().forEach(line -> out.println("[dry-run] " + line));
            cleanup.left().forEach(line -> out.println("[dry-run] WARNING: " + line));
            if (cleanup.left().isEmpty()) {
                out.println("[dry-run] the target is as the dry-run found it (keep the data to inspect with --keep)");
            }
            out.flush();
        }

        /** The snapshot a resume must read, or why the run cannot resume and what to do instead. */
        private Path resumable(PreviousRun resumed) {
            Path snapshot = resumed.snapshot();
            SourceSnapshot.problem(snapshot, resumed.sourceSha256()).ifPresent(problem -> {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "job " + job.name() + " cannot resume " + resumed.describe()
                                + ": " + problem
                                + ", so the rows it has not copied yet may not be the ones it started with. Nothing was"
                                + " written. Start over from the source as it is now with: cutover --fresh (empties the tables it copied)");
            });
            return snapshot;
        }

        /**
         * Executions still marked running belong to a process that died without saying so (kill -9, power loss): this
         * process holds the run lock, so no live process owns them. Spring Batch marks them FAILED, which makes them
         * restartable, instead of leaving them STARTED forever.
         */
        private void recoverDeadRuns() {
            for (JobExecution dead : repository.findRunningJobExecutions(job.name())) {
                if (target.matches(dead.getJobParameters().getString(TARGET))) {
                    operator.recover(dead);
                    out.println("[recover] run " + dead.getJobInstanceId() + " (execution " + dead.getId()
                            + ") was left running by a process that died; marked FAILED so it can resume");
                }
            }
        }

        /**
         * Spring Batch marks a step UNKNOWN when the rollback of a failed chunk itself fails (the connection was gone,
         * e.g. the backend was terminated) and then refuses to restart it. Here that is safe to restart: a chunk's rows
         * and its saved position live in one PostgreSQL transaction, which the server rolled back when the session died.
         */
        private void recoverUnknownRun(JobExecution last) {
            if (last.getStatus() != BatchStatus.UNKNOWN) {
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
            out.println("[recover] run " + last.getJobInstanceId() + " lost its connection while rolling back a chunk;"
                    + " PostgreSQL rolled it back itself, so it is marked FAILED and resumes");
        }
    }

    /**
     * A table's own failure says what went wrong; the partition manager's only says that a table failed, and the
     * job's that a step failed. So the steps that did the work come first.
     */
    private static List<Throwable> failuresMostSpecificFirst(JobExecution execution) {
        List<Throwable> failures = new java.util.ArrayList<>();
        execution.getStepExecutions().stream()
                .filter(s -> !s.getStepName().equals(CopySteps.MANAGER))
                .forEach(s -> failures.addAll(s.getFailureExceptions()));
        execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(CopySteps.MANAGER))
                .forEach(s -> failures.addAll(s.getFailureExceptions()));
        failures.addAll(execution.getFailureExceptions());
        return failures;
    }

    private static Path snapshotFile(JobDefinition job, String runName) {
        return job.output().resolve(job.name()).resolve("snapshot-" + runName + ".sqlite");
    }
}
