package dev.lite2pg.cli;

import dev.lite2pg.batch.FailureMessage;
import dev.lite2pg.batch.RunResult;
import dev.lite2pg.check.CheckReport;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place where a failure becomes a process exit code and a message on stderr. */
public final class ExitCodes implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
        ErrorCode code = codeOf(List.of(e));
        cli.getErr().println("lite2pg: " + FailureMessage.of(e));
        return code.exitCode();
    }

    static int usage(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("lite2pg: " + e.getMessage());
        cli.getErr().println("Run with --help for the commands and options.");
        return ErrorCode.USAGE.exitCode();
    }

    /**
     * A cutover's, dry-run's or demo's exit code: success when the job completed (its report step lets only a passing
     * verdict complete) or had completed before; a failed validation when a cutover's source was written to after its
     * snapshot, whatever the verdict said; otherwise the code of what stopped the job.
     */
    static int of(RunResult result, boolean rehearsal) {
        if (result.alreadyComplete()) {
            return ErrorCode.SUCCESS;
        }
        if (result.status() == BatchStatus.COMPLETED) {
            return result.sourceChanged() && !rehearsal ? ErrorCode.VALIDATION_FAILED.exitCode() : ErrorCode.SUCCESS;
        }
        return codeOf(result.failures()).exitCode();
    }

    /** check's exit code: success when nothing would be refused, problems found otherwise. */
    static int of(CheckReport report) {
        return report.passed() ? ErrorCode.SUCCESS : ErrorCode.PROBLEMS_FOUND.exitCode();
    }

    /** The code of the first lite2pg failure found in the chain of any of the failures; JOB_FAILED otherwise. */
    static ErrorCode codeOf(List<Throwable> failures) {
        return firstCause(failures, Lite2pgException.class)
                .map(Lite2pgException::code)
                .orElse(ErrorCode.JOB_FAILED);
    }

    /** The first exception of the given type in the cause chains of the failures, in order. */
    static <T extends Throwable> java.util.Optional<T> firstCause(List<Throwable> failures, Class<T> type) {
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return java.util.Optional.of(type.cast(t));
                }
            }
        }
        return java.util.Optional.empty();
    }
}
