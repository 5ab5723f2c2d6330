package dev.lite2pg.cli;

import dev.lite2pg.batch.FailureMessage;
import dev.lite2pg.batch.RunResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --quiet} and {@code --json}, shared by the commands that run a job or check one: where the step and progress
 * lines go, where the closing line goes, and, for scripts, the one JSON document that is all of standard output.
 */
final class OutputOptions {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(
            names = "--quiet",
            description = "Print only the closing line (verdict and where the report is) and errors: no step or"
                    + " progress lines.")
    boolean quiet;

    @Option(
            names = "--json",
            description = "For scripts: standard output is one JSON document (command, exitCode, verdict, runFolder,"
                    + " report files, log, error); the lines people read go to standard error.")
    boolean json;

    private PrintWriter out;
    private PrintWriter err;
    private RunResult launched;
    /** The document is out: one per command, whatever happens after. */
    private boolean printed;

    /** For a command without these options (demo): lines as they always were. */
    static OutputOptions plain(PrintWriter out, PrintWriter err) {
        OutputOptions plain = new OutputOptions();
        plain.out = out;
        plain.err = err;
        return plain;
    }

    OutputOptions bind(CommandSpec spec) {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        return this;
    }

    /** Step and progress lines: nowhere with --quiet, standard error with --json (stdout is the document's). */
    PrintWriter lines() {
        if (quiet) {
            return new PrintWriter(Writer.nullWriter());
        }
        return json ? err : out;
    }

    /** The closing line a person reads: the verdict and where the report is. */
    PrintWriter result() {
        return json ? err : out;
    }

    PrintWriter err() {
        return err;
    }

    /** The launch's outcome, for the JSON document. */
    void launched(RunResult result) {
        launched = result;
    }

    /**
     * Runs the command; with --json, prints the document for a run that ended or was refused, with the exit code the
     * process ends with (a refusal's comes from the same place as the handler's: {@link ExitCodes#codeOf}).
     */
    int around(String command, Callable<Integer> body) throws Exception {
        try {
            int code = body.call();
            if (json && !printed) {
                Map<String, Object> document = document(command, code);
                if (launched != null) {
                    runFields(document, launched);
                }
                print(document);
            }
            return code;
        } catch (Exception e) {
            if (json && !printed) {
                Map<String, Object> document =
                        document(command, ExitCodes.codeOf(List.of(e)).exitCode());
                document.put("error", FailureMessage.of(e));
                print(document);
            }
            throw e;
        }
    }

    /** A catch-up's outcome, for the JSON document. */
    void caughtUp(dev.lite2pg.catchup.CatchUp.Result result) {
        if (!json) {
            return;
        }
        Map<String, Object> document = document("catch-up", ExitCodes.of(result));
        document.put("status", result.outcome().name());
        if (result.entry() != null) {
            document.put("verdict", result.entry().verdict());
            document.put("catchUp", result.entry());
        }
        if (result.runFolder() != null) {
            document.put("runFolder", result.runFolder().toString());
            document.put(
                    "report",
                    Map.of(
                            "md", result.runFolder().resolve("catch-up.md").toString(),
                            "json", result.runFolder().resolve("catch-up.json").toString()));
        }
        print(document);
    }

    /** check's document: its verdict and files, printed with --json after the human lines went to stderr. */
    void checked(String verdict, int code, Path folder, Path checkJson, String badValues) {
        if (!json) {
            return;
        }
        Map<String, Object> document = document("check", code);
        document.put("verdict", verdict);
        document.put("runFolder", folder.toString());
        document.put("report", Map.of("json", checkJson.toString()));
        document.put("badValues", badValues);
        print(document);
    }

    private static Map<String, Object> document(String command, int code) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command);
        document.put("exitCode", code);
        document.put("verdict", null);
        document.put("status", null);
        document.put("runFolder", null);
        document.put("report", null);
        document.put("log", null);
        document.put("error", null);
        return document;
    }

    private static void runFields(Map<String, Object> document, RunResult result) {
        document.put(
                "status",
                result.alreadyComplete() ? "ALREADY_COMPLETED" : result.status().name());
        if (result.report() != null) {
            document.put("verdict", result.report().verdict().label());
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : List.of("json", "md", "html")) {
                files.put(name, result.runFolder().resolve("report." + name).toString());
            }
            document.put("report", files);
        }
        if (!result.failures().isEmpty()) {
            document.put("error", FailureMessage.of(result.failures().get(0)));
        }
        if (!result.alreadyComplete()) {
            document.put("runFolder", result.runFolder().toString());
            document.put("log", result.runFolder().resolve("lite2pg.log").toString());
        }
    }

    private void print(Map<String, Object> document) {
        printed = true;
        out.println(JSON.writeValueAsString(document));
        out.flush();
    }
}
