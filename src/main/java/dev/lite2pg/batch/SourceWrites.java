package dev.lite2pg.batch;

import dev.lite2pg.source.SourceStamp;
import java.nio.file.Path;

/**
 * Whether the application wrote to the live source after the run's snapshot was taken: the target then lacks those
 * writes. For a cutover that is a wrong target, so a problem that fails the verdict; a dry-run rehearses against a
 * live application on purpose, so for it the same fact is only a warning.
 */
public final class SourceWrites {

    private SourceWrites() {}

    /**
     * @param stampAtSnapshot the source's {@link SourceStamp} when the snapshot was taken
     */
    static boolean since(Path source, String stampAtSnapshot) {
        return !stampAtSnapshot.equals(SourceStamp.of(source));
    }

    /** Why a cutover whose source was written to after its snapshot (taken at {@code snapshotTaken}) fails, and what to do. */
    public static String problem(Path source, String snapshotTaken) {
        return "the source " + source + " was written to after the run's snapshot was taken"
                + (snapshotTaken == null ? "" : " at " + snapshotTaken)
                + ": the target lacks those writes. Stop the application (nothing may write to the source any more), then start"
                + " over from the source as it is: cutover --fresh. To copy while the application runs instead: cutover"
                + " --live, then, with the application stopped, catch-up (copies only what changed)";
    }
}
