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
import picocli.CommandLine.UnmatchedArgumentException;

/** The one place where a failure becomes a process exit code and a message on stderr. */
public final class ExitCodes implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
        ErrorCode code = codeOf(List.of(e));
        cli.getErr().println("lite2pg: " + FailureMessage.of(e));
        return code.exitCode();
    }

    /**
     * A bad command line. An unknown option comes first, with the closest known one: picocli would otherwise report
     * only what the typo left missing ("Missing required option '--job'" for {@code --jobb x}).
     */
    static int usage(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        List<String> unmatched =
                cli.getParseResult() == null ? List.of() : cli.getParseResult().unmatched();
        if (!(e instanceof UnmatchedArgumentException) && !unmatched.isEmpty()) {
            cli.getErr().println("lite2pg: " + unknown(unmatched));
            suggestion(new UnmatchedArgumentException(cli, unmatched)).ifPresent(cli.getErr()::println);
        }
        cli.getErr().println("lite2pg: " + e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatchedArgument) {
            suggestion(unmatchedArgument).ifPresent(cli.getErr()::println);
        }
        cli.getErr()
                .println("Run lite2pg " + commandPath(cli) + "--help for the options, lite2pg help for the commands.");
        return ErrorCode.USAGE.exitCode();
    }

    private static String unknown(List<String> unmatched) {
        String first = unmatched.get(0);
        return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'";
    }

    /** picocli's "did you mean" for the first unknown word, from the options and commands it knows. */
    private static java.util.Optional<String> suggestion(UnmatchedArgumentException e) {
        List<String> suggestions = e.getSuggestions();
        return suggestions.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of("Did you mean " + String.join(" or ", suggestions) + "?");
    }

    /** "cutover " for the cutover command's errors, "" for the top level. */
    private static String commandPath(CommandLine cli) {
        return cli.getParent() == null ? "" : cli.getCommandName() + " ";
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
            return result.sourceChanged() && !rehearsal && !result.live()
                    ? ErrorCode.VALIDATION_FAILED.exitCode()
                    : ErrorCode.SUCCESS;
        }
        return codeOf(result.failures()).exitCode();
    }

    /**
     * A catch-up's exit code: success when it passed (writes after its snapshot fail it unless --live) or had nothing
     * to do, a failed validation otherwise.
     */
    static int of(dev.lite2pg.catchup.CatchUp.Result result) {
        return switch (result.outcome()) {
            case UP_TO_DATE, PASS -> ErrorCode.SUCCESS;
            case FAIL -> ErrorCode.VALIDATION_FAILED.exitCode();
        };
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
