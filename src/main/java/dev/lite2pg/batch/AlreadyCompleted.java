package dev.lite2pg.batch;

import dev.lite2pg.catchup.CatchUpLog;
import dev.lite2pg.catchup.HeldSnapshot;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.RunLock;
import dev.lite2pg.postgres.TargetDatabase;
import dev.lite2pg.source.SourceStamp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;

/**
 * A plain {@code cutover} after its run completed: it copies nothing again, and says so only while the source is
 * the one the run copied (or its newest catch-up took) and the target still holds the rows the run and its catch-ups left.
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
     * not hold what the application wrote since. After catch-ups, "what it was" is the newest catch-up's snapshot,
     * and the rows the target must hold are those each table had after the newest catch-up that changed it.
     *
     * @return the result of a launch that wrote nothing; a refusal when the source or the target changed since, or
     *     when the newest catch-up did not pass its validation
     */
    static RunResult verdict(
            JobDefinition job, PreviousRun last, DataSource dataSource, Path runFolder, PrintWriter out)
            throws SQLException {
        List<CatchUpLog.Entry> catchUps = HeldSnapshot.catchUps(
                dataSource, job.repositorySchema(), last.instance().getInstanceId());
        HeldSnapshot held = HeldSnapshot.of(last.snapshot(), last.sourceSha256(), last.sourceStamp(), catchUps);
        boolean sameFile = sameFile(job, last);
        boolean unchanged = sameFile && SourceStamp.of(job.source().path()).equals(held.stamp());
        String done = "job " + job.name() + " already completed " + last.describe() + " into "
                + job.target().redactedUrl()
                + " schema " + job.target().schema() + " from " + last.sourcePath()
                + " (sha256 " + last.sourceSha256() + ")"
                + held.catchUp()
                        .map(e -> " and caught up " + e.number() + " time(s) since, the last at " + e.applied()
                                + " (snapshot sha256 " + e.snapshotSha256() + ")")
                        .orElse("");
        Optional<CatchUpLog.Entry> unjudged = held.catchUp().filter(e -> !e.passed());
        if (unjudged.isPresent() && sameFile) {
            CatchUpLog.Entry e = unjudged.get();
            boolean failed = e.verdict() != null;
            throw new Lite2pgException(
                    failed ? ErrorCode.VALIDATION_FAILED : ErrorCode.PRECONDITION,
                    done + "; but catch-up " + e.number() + " "
                            + (failed
                                    ? "failed its validation (" + String.join("; ", e.problems()) + ")"
                                    : "was applied and never validated (it stopped between its commit and its"
                                            + " validation)")
                            + ". Nothing was written. Run lite2pg catch-up --job FILE again: it validates again the"
                            + " tables that catch-up changed"
                            + (unchanged ? "" : ", and applies what the source changed since")
                            + ".");
        }
        if (!unchanged) {
            if (sameFile && Files.isRegularFile(held.file())) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        done + "; the source " + job.source().path() + " has changed since " + held.describe()
                                + ", whose rows the target holds. Nothing was written. To bring the target up to date:"
                                + " stop the application, then lite2pg catch-up --job FILE (it applies only what"
                                + " changed since that snapshot). To copy everything again instead: cutover --fresh"
                                + " (empties the tables the finished run copied)");
            }
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    done + "; the source " + job.source().path()
                            + (sameFile ? " has changed since" : " is a different file")
                            + ". Nothing was written. To copy it"
                            + " instead: cutover --fresh (empties the tables the finished run copied)");
        }
        List<String> differences = differencesFromCompletion(job, last, catchUps, dataSource);
        if (!differences.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.VALIDATION_FAILED,
                    done + "; but the target no longer holds what " + last.describe()
                            + (catchUps.isEmpty() ? "" : " and its catch-ups") + " left: "
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
     * left, or, for a table a catch-up changed, the rows the newest such catch-up left (counted: a count reads no
     * value, so this stays cheap on a large target).
     */
    private static List<String> differencesFromCompletion(
            JobDefinition job, PreviousRun last, List<CatchUpLog.Entry> catchUps, DataSource dataSource) {
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, String> when = new LinkedHashMap<>();
        for (CompletedContents.TableContent then :
                CompletedContents.read(last.last().getExecutionContext()).values()) {
            expected.put(then.table(), then.rows());
            when.put(then.table(), "then");
        }
        for (CatchUpLog.Entry entry : catchUps) {
            for (CatchUpLog.TableChanges changes : entry.tables()) {
                expected.put(changes.table(), changes.rows());
                when.put(changes.table(), "after catch-up " + entry.number());
            }
        }
        TargetDatabase tables = new TargetDatabase(dataSource, job.target().schema());
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            if (!tables.tableExists(table.getKey())) {
                differences.add(table.getKey() + " (gone)");
                continue;
            }
            long now = tables.rowCount(table.getKey());
            if (now != table.getValue()) {
                differences.add(table.getKey() + " (" + table.getValue() + " rows " + when.get(table.getKey()) + ", "
                        + now + " now)");
            }
        }
        return differences;
    }
}
