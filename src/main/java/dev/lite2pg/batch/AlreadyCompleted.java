package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.RunLock;
import dev.lite2pg.postgres.TargetDatabase;
import dev.lite2pg.source.SourceStamp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;

/**
 * A plain {@code cutover} after its run completed: it copies nothing again, and says so only while the source is
 * the one the run copied and the target still holds the rows the run left.
 */
final class AlreadyCompleted {

    private AlreadyCompleted() {}

    /**
     * The verdict before Spring and the snapshot start (each costs seconds), over one read-only session holding the
     * run lock meanwhile; empty when the newest run of the job into this target did not complete, when there is none,
     * or when the target cannot be reached this way: the launch then goes on as usual and says what it finds.
     */
    static Optional<RunResult> beforeSpring(
            JobDefinition job, TargetCredentials credentials, Path runFolder, PrintWriter out) throws Exception {
        try (ReadOnlyTarget target = ReadOnlyTarget.connect(job, credentials)) {
            if (!target.hasRepository()) {
                return Optional.empty();
            }
            TargetIdentity identity = target.identity();
            try (RunLock lock = RunLock.acquire(target.plain(), job.name(), identity.recorded())) {
                Optional<PreviousRun> newest = PreviousRun.newest(target.repository(), job, identity);
                if (newest.isEmpty() || newest.get().status() != BatchStatus.COMPLETED) {
                    return Optional.empty();
                }
                return Optional.of(verdict(job, newest.get(), target.session(), runFolder, out));
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * A finished run is not copied again. If the source is no longer what it was, that is said too: the target does
     * not hold what the application wrote since.
     *
     * @return the result of a launch that wrote nothing; a refusal when the source or the target changed since
     */
    static RunResult verdict(
            JobDefinition job, PreviousRun last, DataSource dataSource, Path runFolder, PrintWriter out) {
        boolean sameFile = sameFile(job, last);
        boolean unchanged = sourceAsSnapshotted(job, last);
        String done = "job " + job.name() + " already completed " + last.describe() + " into "
                + job.target().redactedUrl()
                + " schema " + job.target().schema() + " from " + last.sourcePath()
                + " (sha256 " + last.sourceSha256() + ")";
        if (!unchanged) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    done + "; the source " + job.source().path()
                            + (sameFile ? " has changed since" : " is a different file")
                            + ". Nothing was written. To copy it"
                            + " instead: cutover --fresh (empties the tables the finished run copied)");
        }
        List<String> differences = differencesFromCompletion(job, last, dataSource);
        if (!differences.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.VALIDATION_FAILED,
                    done + "; but the target no longer holds what " + last.describe() + " left: "
                            + String.join(", ", differences) + ". Nothing was written. If the application has gone"
                            + " live on this target, that is its work and nothing needs doing; otherwise the target"
                            + " lost or gained rows since: cutover --fresh copies the source again (see"
                            + " runbooks/restart-after-failure.md).");
        }
        out.println("[done] " + done + "; nothing to do, nothing was written.");
        return new RunResult(BatchStatus.COMPLETED, List.of(), runFolder, null, true, false);
    }

    /** Whether the job names the file the run took its snapshot of. */
    static boolean sameFile(JobDefinition job, PreviousRun last) {
        Path now = job.source().path().toAbsolutePath().normalize();
        return last.sourcePath().toAbsolutePath().normalize().equals(now);
    }

    /** Whether the job names that file and nothing wrote to it since the snapshot. */
    static boolean sourceAsSnapshotted(JobDefinition job, PreviousRun last) {
        return sameFile(job, last) && SourceStamp.of(job.source().path()).equals(last.sourceStamp());
    }

    /**
     * "Already completed" is a verdict too: it stands only while every table the run filled is there with the rows it
     * left (counted: a count reads no value, so this stays cheap on a large target).
     */
    private static List<String> differencesFromCompletion(JobDefinition job, PreviousRun last, DataSource dataSource) {
        TargetDatabase tables = new TargetDatabase(dataSource, job.target().schema());
        List<String> differences = new ArrayList<>();
        for (CompletedContents.TableContent then :
                CompletedContents.read(last.last().getExecutionContext()).values()) {
            if (!tables.tableExists(then.table())) {
                differences.add(then.table() + " (gone)");
                continue;
            }
            long now = tables.rowCount(then.table());
            if (now != then.rows()) {
                differences.add(then.table() + " (" + then.rows() + " rows then, " + now + " now)");
            }
        }
        return differences;
    }
}
