package dev.lite2pg.batch;

import dev.lite2pg.source.SourceRow;
import java.util.Optional;
import java.util.ServiceLoader;
import org.springframework.batch.core.listener.ItemWriteListener;

/**
 * Where a test can stop a run, to prove that the re-run loses and duplicates nothing: at the start of a step, and
 * after a table's n-th chunk was COPYed, before it commits. lite2pg itself has no implementation, so a shipped jar
 * has nothing a system property or an environment variable could switch on: the fault tests register theirs on the
 * test class path ({@code META-INF/services/dev.lite2pg.batch.FaultPoints}).
 */
public interface FaultPoints {

    /**
     * Throws to fail the step about to start (a tasklet's, {@code copy:<table>}, or {@code copy:<table>#<i>/<n>}); also
     * called with {@code catch-up:commit} just before a catch-up's one commit.
     */
    void atStepStart(String stepName);

    /**
     * A listener that fails one of the partition's chunks inside its transaction, or null for none.
     *
     * @param partition the table, or one of its ranges: {@code <table>#<i>/<n>}
     */
    ItemWriteListener<SourceRow> forChunks(String partition);

    /** The test's implementation when one is on the class path, else empty (a shipped jar): found once per process. */
    static Optional<FaultPoints> installed() {
        return Installed.POINTS;
    }

    /** Holder: the class path is searched on first use only. */
    final class Installed {
        private static final Optional<FaultPoints> POINTS =
                ServiceLoader.load(FaultPoints.class).findFirst();

        private Installed() {}
    }
}
