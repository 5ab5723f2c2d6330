package dev.lite2pg.batch;

import dev.lite2pg.report.RunReport;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * How one launch ended.
 *
 * @param failures what stopped the job, outermost first; empty when it completed
 * @param report the report this launch wrote (report.json in {@code runFolder}); null when it got no further
 * @param alreadyComplete the run had completed before; nothing was done
 * @param sourceChanged the live source was written to after the run's snapshot was taken: the target lacks those writes
 * @param live the run copied while the application kept writing ({@code cutover --live}): complete as of its snapshot
 * @param liveChanges for a completed live run, how much the source changed since its snapshot, in words; else null
 */
public record RunResult(
        BatchStatus status,
        List<Throwable> failures,
        Path runFolder,
        RunReport report,
        boolean alreadyComplete,
        boolean sourceChanged,
        boolean live,
        String liveChanges) {

    public RunResult(
            BatchStatus status,
            List<Throwable> failures,
            Path runFolder,
            RunReport report,
            boolean alreadyComplete,
            boolean sourceChanged) {
        this(status, failures, runFolder, report, alreadyComplete, sourceChanged, false, null);
    }
}
