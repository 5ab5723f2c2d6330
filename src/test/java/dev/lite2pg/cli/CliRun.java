package dev.lite2pg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the command line in this JVM, with what the operator would have seen. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** With {@code answers} as what the operator types at confirmation prompts. */
    public static CliRun answering(String answers, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                environment,
                new java.io.BufferedReader(new java.io.StringReader(answers)),
                args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public String all() {
        return out + err;
    }
}
