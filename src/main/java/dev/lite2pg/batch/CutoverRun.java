package dev.lite2pg.batch;

import dev.lite2pg.check.CopyRefusals;
import dev.lite2pg.check.SourceScanner;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.metrics.RunMetrics;
import dev.lite2pg.postgres.QuarantineTable;
import dev.lite2pg.postgres.TargetDatabase;
import dev.lite2pg.progress.ProgressDisplay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What the steps of one process's run share in memory: the job, the run's identity and resources, and its copy plan
 * (built again on every start, see {@link RunPlan}). Nothing here needs to survive a restart: what the steps hand on
 * to each other is kept in Spring Batch's execution contexts.
 */
public final class CutoverRun {

    final JobDefinition job;
    final Path sourceFile;
    final String sourceSha256;
    final Path runFolder;
    final DataSource dataSource;
    final TargetDatabase target;
    final PrintWriter out;
    /** Where the long steps around the copy show what they are doing (the copy's tables have their own display). */
    final ProgressDisplay progress;
    /** When this launch began, before Spring started and the snapshot was taken: the report's total counts from here. */
    final Instant started;
    /** This launch continues an earlier run of the job from its snapshot. */
    final boolean resumed;

    final RunMetrics metrics = new RunMetrics();
    final int parallelism;
    final RunMode mode;
    /** This run's rows in the quarantine table; only written to when the mode quarantines. */
    final QuarantineTable quarantine;

    final RunPlan plan;
    /** Under on-bad-row: fail, the bad rows this start's copy met: shared by every copy step, judged after the copy. */
    final CopyRefusals refusals;

    /** @param runId the run's identity, the same on every resume: it scopes the run's quarantined rows */
    public CutoverRun(
            JobDefinition job,
            String runId,
            Path sourceFile,
            String sourceSha256,
            Path runFolder,
            DataSource dataSource,
            PrintWriter out,
            int parallelism,
            RunMode mode,
            Instant started,
            boolean resumed) {
        this.started = started;
        this.resumed = resumed;
        this.parallelism = parallelism;
        this.mode = mode;
        this.job = job;
        this.sourceFile = sourceFile;
        this.sourceSha256 = sourceSha256;
        this.runFolder = runFolder;
        this.dataSource = dataSource;
        this.target = new TargetDatabase(dataSource, job.target().schema());
        this.out = out;
        this.progress = ProgressDisplay.forConsole(out, "");
        this.quarantine = new QuarantineTable(job.repositorySchema(), job.name(), runId);
        this.plan = new RunPlan(job, sourceFile, dataSource);
        this.refusals = new CopyRefusals(runFolder.resolve(SourceScanner.BAD_VALUES_FILE));
    }

    TableCopy copyFor(String targetTable) {
        return plan.built().copies().stream()
                .filter(c -> c.targetTable().equals(targetTable))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no copy plan for table " + targetTable + ": the target schema changed since the run started"));
    }

    void say(String step, String message) {
        out.println("[" + step + "] " + message);
        out.flush();
    }
}
