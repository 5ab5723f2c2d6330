package dev.lite2pg.cli;

import dev.lite2pg.batch.CutoverLauncher;
import dev.lite2pg.batch.RunResult;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.copy.RowsRefusedException;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.source.SourceFingerprint;
import org.springframework.batch.core.BatchStatus;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs one cutover and turns its outcome into console lines and an exit code. */
final class CutoverRunner {

    private CutoverRunner() {
    }

    static int run(JobDefinition job, TargetCredentials credentials, PrintWriter out, PrintWriter err) throws Exception {
        Path source = job.source().path();
        String sha256 = SourceFingerprint.sha256(source);
        out.println("lite2pg cutover: job " + job.name() + ", source " + source + " (sha256 " + sha256 + ")");
        out.println("  target " + job.target().redactedUrl() + " as " + job.target().user() + ", schema " + job.target().schema()
                + ", password " + (credentials.password().isPresent() ? "from " + credentials.sourceVariable().orElse("environment") : "none"));
        out.flush();
        RunResult result = CutoverLauncher.launch(job, source, sha256, credentials, out);
        String after = SourceFingerprint.sha256(source);
        if (!after.equals(sha256)) {
            // lite2pg opens the source read-only; a change means something else wrote to it during the run.
            err.println("lite2pg: WARNING: the source file changed during the run (sha256 now " + after + "): stop the application and run again");
        }
        if (result.alreadyComplete()) {
            err.println("lite2pg: job " + job.name() + " already completed for this source (sha256 " + sha256 + ") into "
                    + job.target().redactedUrl() + " schema " + job.target().schema() + "; the target holds its rows, nothing was written.");
            return ErrorCode.PRECONDITION.exitCode();
        }
        if (result.status() == BatchStatus.COMPLETED) {
            out.println("lite2pg: cutover finished, validation PASS. Report: " + result.runFolder().resolve("report.md"));
            return ExitCodes.PASSED;
        }
        ErrorCode code = ExitCodes.codeOf(result.failures());
        String message = result.failures().isEmpty() ? "the job ended " + result.status() : ExitCodes.messageOf(result.failures().get(0));
        err.println("lite2pg: " + message);
        if (code == ErrorCode.JOB_FAILED && ExitCodes.firstCause(result.failures(), RowsRefusedException.class).isPresent()) {
            err.println("lite2pg: the job failed on refused values; the chunks before them are committed. A fix on the target side"
                    + " (e.g. a wider column) resumes with the same command; a fixed source is a new run into an empty schema"
                    + " (see runbooks/restart-after-failure.md).");
        } else if (code == ErrorCode.JOB_FAILED) {
            err.println("lite2pg: the job failed; what was committed is kept. Fix the cause and re-run the same command to resume.");
        }
        if (result.report() != null) {
            err.println("lite2pg: report: " + result.runFolder().resolve("report.md"));
        }
        err.println("lite2pg: details in " + result.runFolder().resolve("lite2pg.log"));
        return code.exitCode();
    }
}
