package dev.lite2pg.catchup;

import dev.lite2pg.postgres.ContentChecksums.Checksum;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a catch-up needs of the completed cutover run whose target it brings up to date, as the job repository
 * records it.
 *
 * @param runId the run's {@code run.id}, which its quarantine rows carry
 * @param describe the run as the console names it
 * @param snapshot the run's own snapshot, with its recorded sha256 and the source's stamp when it was taken
 * @param copiedChecksum each target table's content checksum as the run's copy kept it; empty for a table without
 */
public record CompletedRun(
        long instanceId,
        String runId,
        String describe,
        Path snapshot,
        String snapshotSha256,
        String sourceStamp,
        Function<String, Optional<Checksum>> copiedChecksum) {}
