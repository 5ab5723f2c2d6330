package dev.lite2pg.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in this JVM and returns the exit code, for tests and for {@link #main}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given console streams: tests read what an operator would see. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)} with the environment the password is read from. */
    public static int run(PrintWriter out, PrintWriter err, java.util.Map<String, String> environment, String... args) {
        return run(out, err, environment, null, args);
    }

    /** As above, with the answers to confirmation questions read from {@code input} instead of standard input. */
    public static int run(
            PrintWriter out,
            PrintWriter err,
            java.util.Map<String, String> environment,
            java.io.BufferedReader input,
            String... args) {
        Lite2pgCommand command = new Lite2pgCommand();
        command.environment = environment;
        if (input != null) {
            command.input = input;
        }
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ExitCodes());
        cli.setParameterExceptionHandler(ExitCodes::usage);
        return cli.execute(args);
    }
}
