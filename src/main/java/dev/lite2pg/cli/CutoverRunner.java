package dev.lite2pg.cli;

import dev.lite2pg.batch.CutoverLauncher;
import dev.lite2pg.batch.FailureMessage;
import dev.lite2pg.batch.RunResult;
import dev.lite2pg.batch.SourceWrites;
import dev.lite2pg.copy.RowsRefusedException;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.report.Verdict;
import java.io.PrintWriter;
import org.springframework.batch.core.BatchStatus;

/** Runs one cutover and turns its outcome into console lines and an exit code. */
final class CutoverRunner {

    private CutoverRunner() {}

    static int run(
            JobDefinition job,
            CutoverLauncher.Options options,
            TargetCredentials credentials,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        return run("cutover", job, options, credentials, out, err);
    }

    /** @param command what the operator ran, for the console: cutover, demo or dry-run */
    static int run(
            String command,
            JobDefinition job,
            CutoverLauncher.Options options,
            TargetCredentials credentials,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        return run(command, job, options, credentials, OutputOptions.plain(out, err));
    }

    /** @param output where the step lines, the closing line and errors go (--quiet, --json) */
    static int run(
            String command,
            JobDefinition job,
            CutoverLauncher.Options options,
            TargetCredentials credentials,
            OutputOptions output)
            throws Exception {
        PrintWriter out = output.lines();
        PrintWriter err = output.err();
        header(command, job, credentials, out);
        boolean rehearsal = options.rehearsal() != null;
        RunResult result = whileInterruptible(
                rehearsal
                        ? "lite2pg: interrupted; the dry-run stopped and its target is left as it was found when it"
                                + " can be; run it again to rehearse (every dry-run starts from scratch)."
                        : "lite2pg: interrupted; what was committed is kept: run the same command to resume.",
                err,
                () -> CutoverLauncher.launch(job, options, credentials, out));
        output.launched(result);
        if (result.alreadyComplete()) {
            if (output.quiet) {
                output.result()
                        .println("lite2pg: job " + job.name()
                                + " already completed into this target; nothing was written");
            }
            return ExitCodes.of(result, rehearsal);
        }
        if (result.sourceChanged() && rehearsal) {
            // The run copied its snapshot; whatever the application wrote afterwards is not in the target.
            err.println(
                    "lite2pg: WARNING: the source " + job.source().path()
                            + " was written to after the run's snapshot was taken;"
                            + " those writes are not in the target. For the production cutover, stop the application first, then: cutover --fresh");
        }
        if (result.status() == BatchStatus.COMPLETED && result.sourceChanged() && !rehearsal && !result.live()) {
            // The report step checks this and fails the verdict; a write after it (in the last moments of the job)
            // leaves the target just as incomplete.
            err.println("lite2pg: FAIL: " + SourceWrites.problem(job.source().path(), null));
            return ExitCodes.of(result, rehearsal);
        }
        if (result.status() == BatchStatus.COMPLETED && result.live() && !rehearsal) {
            output.result()
                    .println("lite2pg: " + command + " finished, validation "
                            + (result.report() == null
                                    ? Verdict.PASS
                                    : result.report().verdict())
                            + " as of the snapshot; "
                            + result.liveChanges()
                            + ". Next: stop the application, then lite2pg catch-up --job FILE. Report: "
                            + result.runFolder().resolve("report.html") + " (also report.md, report.json)");
            return ExitCodes.of(result, rehearsal);
        }
        if (result.status() == BatchStatus.COMPLETED) {
            output.result()
                    .println("lite2pg: " + command + " finished, validation "
                            + (result.report() == null
                                    ? Verdict.PASS
                                    : result.report().verdict()) + ". Report: "
                            + result.runFolder().resolve("report.html") + " (also report.md, report.json)");
            return ExitCodes.of(result, rehearsal);
        }
        ErrorCode code = ExitCodes.codeOf(result.failures());
        String message = result.failures().isEmpty()
                ? "the job ended " + result.status()
                : FailureMessage.of(result.failures().get(0));
        err.println("lite2pg: " + message);
        if (code == ErrorCode.JOB_FAILED
                && ExitCodes.firstCause(result.failures(), RowsRefusedException.class)
                        .isPresent()) {
            err.println(
                    "lite2pg: the job failed on refused values; the chunks before them are committed. A fix on the target side"
                            + " (e.g. a wider column) resumes with the same command; a fixed source needs cutover --fresh"
                            + " (see runbooks/restart-after-failure.md).");
        } else if (code == ErrorCode.JOB_FAILED && command.equals("dry-run")) {
            err.println(
                    "lite2pg: the dry-run failed; fix the cause and run it again (every dry-run starts from scratch).");
        } else if (code == ErrorCode.JOB_FAILED) {
            err.println(
                    "lite2pg: the job failed; what was committed is kept. Fix the cause and re-run the same command to resume.");
        }
        if (result.report() != null) {
            err.println("lite2pg: report: " + result.runFolder().resolve("report.md"));
        }
        err.println("lite2pg: details in " + result.runFolder().resolve("lite2pg.log"));
        return ExitCodes.of(result, rehearsal);
    }

    /** The first two lines of a command that writes to the target: what it runs, from where, into where, as whom. */
    static void header(String command, JobDefinition job, TargetCredentials credentials, PrintWriter out) {
        out.println("lite2pg " + command + ": job " + job.name() + ", source "
                + job.source().path());
        out.println("  target " + job.target().redactedUrl() + " as "
                + job.target().user() + ", schema " + job.target().schema() + ", password "
                + (credentials.password().isPresent()
                        ? "from " + credentials.sourceVariable().orElse("environment")
                        : "none"));
        out.flush();
    }

    /**
     * Runs the launch with a word for the operator should the JVM be stopped meanwhile (Ctrl-C's SIGINT, exit 130, or
     * SIGTERM): shutdown hooks are all that run then, and without one the console just stops.
     */
    static <T> T whileInterruptible(String word, PrintWriter err, java.util.concurrent.Callable<T> launch)
            throws Exception {
        Thread interrupted = new Thread(
                () -> {
                    err.println(word);
                    err.flush();
                },
                "lite2pg-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return launch.call();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping: the hook runs and says so.
            }
        }
    }
}
