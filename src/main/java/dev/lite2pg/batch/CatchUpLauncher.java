package dev.lite2pg.batch;

import dev.lite2pg.catchup.CatchUp;
import dev.lite2pg.catchup.CompletedRun;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.RunLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;

/**
 * Starts a {@link CatchUp}: finds the newest run of the job into the target over a read-only session (no Spring
 * context), holds the job's run lock meanwhile, and hands the catch-up what it needs of the run.
 */
public final class CatchUpLauncher {

    private CatchUpLauncher() {}

    public static CatchUp.Result run(
            JobDefinition job, CatchUp.Options options, TargetCredentials credentials, PrintWriter out)
            throws Exception {
        Instant began = Instant.now();
        StartChecks.run(job, credentials);
        String runName = LocalDateTime.now().format(CutoverLauncher.RUN_NAME);
        Path runFolder = job.output().resolve(job.name()).resolve("catch-up-" + runName);
        try (ReadOnlyTarget target = ReadOnlyTarget.connect(job, credentials)) {
            if (!target.hasRepository()) {
                throw nothingToCatchUp(job, "its target holds no run of it");
            }
            TargetIdentity identity = target.identity();
            try (RunLock lock = RunLock.acquire(target.plain(), job.name(), identity.recorded())) {
                PreviousRun run = PreviousRun.newest(target.repository(), job, identity)
                        .orElseThrow(() -> nothingToCatchUp(job, "its target holds no run of it"));
                requireCompleted(job, run);
                CopiedChecksums copied = CopiedChecksums.of(run.last(), target.repository());
                CompletedRun completed = new CompletedRun(
                        run.instance().getInstanceId(),
                        run.last().getJobParameters().getString(CutoverLauncher.RUN_ID),
                        run.describe(),
                        run.snapshot(),
                        run.sourceSha256(),
                        run.sourceStamp(),
                        copied::of);
                Runnable beforeCommit =
                        () -> FaultPoints.installed().ifPresent(faults -> faults.atStepStart("catch-up:commit"));
                return new CatchUp(
                                job, options, completed, target.plain(), runName, runFolder, out, began, beforeCommit)
                        .run();
            }
        }
    }

    /** A catch-up only follows a completed cutover of the file it names. */
    private static void requireCompleted(JobDefinition job, PreviousRun run) {
        if (run.status() != BatchStatus.COMPLETED) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "job " + job.name() + ": the newest run, " + run.describe()
                            + ", has not completed; a catch-up only follows a completed cutover. Nothing was written."
                            + " Finish it first with the same cutover command (it resumes), then catch-up.");
        }
        if (!AlreadyCompleted.sameFile(job, run)) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "job " + job.name() + ": " + run.describe() + " copied " + run.sourcePath() + ", not "
                            + job.source().path() + "; a catch-up takes the changes of the file the cutover"
                            + " copied. Nothing was written. Name that file (--source " + run.sourcePath() + ").");
        }
    }

    private static Lite2pgException nothingToCatchUp(JobDefinition job, String why) {
        return new Lite2pgException(
                ErrorCode.PRECONDITION,
                "job " + job.name() + " has nothing to catch up in "
                        + job.target().redactedUrl() + " schema "
                        + job.target().schema() + ": " + why + ". Nothing was written. A catch-up follows a completed"
                        + " cutover: lite2pg cutover --job FILE --live (while the application runs), then catch-up.");
    }
}
