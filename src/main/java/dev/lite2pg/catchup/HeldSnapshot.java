package dev.lite2pg.catchup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The newest snapshot whose rows a completed run's target holds: the newest catch-up's, else the run's own. It is what
 * the next catch-up compares the source with, what "already completed" compares the source's stamp with, and the one
 * copy of the source a completed run keeps on disk.
 *
 * @param sha256 the snapshot's content, as recorded when it was taken
 * @param stamp the live source's {@link dev.lite2pg.source.SourceStamp} when it was taken
 * @param catchUp the catch-up that took it; empty when it is the run's
 */
public record HeldSnapshot(Path file, String sha256, String stamp, Optional<CatchUpLog.Entry> catchUp) {

    /**
     * @param runSnapshot the run's own snapshot, its recorded sha256 and the source's stamp when it was taken
     * @param catchUps the run's, oldest first (as {@link CatchUpLog#of} returns them)
     */
    public static HeldSnapshot of(
            Path runSnapshot, String runSha256, String runStamp, List<CatchUpLog.Entry> catchUps) {
        if (catchUps.isEmpty()) {
            return new HeldSnapshot(runSnapshot, runSha256, runStamp, Optional.empty());
        }
        CatchUpLog.Entry newest = catchUps.get(catchUps.size() - 1);
        return new HeldSnapshot(
                Path.of(newest.snapshot()), newest.snapshotSha256(), newest.sourceStamp(), Optional.of(newest));
    }

    /** The run's catch-ups, oldest first; none on a target whose job repository predates them (read-only safe). */
    public static List<CatchUpLog.Entry> catchUps(DataSource target, String repositorySchema, long instanceId)
            throws SQLException {
        try (Connection connection = target.getConnection()) {
            return new CatchUpLog(repositorySchema).of(connection, instanceId);
        }
    }

    /** "the snapshot F of catch-up 2" or "the run's snapshot F". */
    public String describe() {
        return catchUp.map(e -> "the snapshot " + file + " of catch-up " + e.number())
                .orElse("the run's snapshot " + file);
    }
}
