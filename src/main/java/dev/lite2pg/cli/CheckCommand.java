package dev.lite2pg.cli;

import dev.lite2pg.check.CheckReport;
import dev.lite2pg.check.JobCheck;
import dev.lite2pg.check.ScanSummary;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.progress.Activity;
import dev.lite2pg.progress.ProgressDisplay;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        header = "Lists every value, row, orphan and name of the source that the target would refuse.",
        description = {
            "Reads every row of the job's SQLite source (read-only) and converts every value against the target"
                    + " schema, then copies the rows that convert into a scratch copy of that schema: lists every value"
                    + " and every row the target would refuse (conversions, NOT NULL, CHECK, unique, enum, domain; with"
                    + " table, row key, column, value and reason), every orphan reference and every source name that"
                    + " maps to nothing.",
            "The target schema is built by the job's migrations in an embedded PostgreSQL, or, when the job,"
                    + " LITE2PG_TARGET_URL or --target-url names a server, in a scratch database created on it (needs"
                    + " CREATEDB) and dropped afterwards; the target database itself is never touched. The load takes"
                    + " about the copy's time and the target's disk for these tables, until the check ends.",
            "Writes check.json and bad-values.csv (every bad value) to <output>/<job>/check-<timestamp>/.",
            "Password for a server: LITE2PG_TARGET_PASSWORD, else a password in LITE2PG_TARGET_URL, else PGPASSWORD"
                    + " (never on the command line)."
        },
        footer = {
            "",
            "Exit codes: 0 nothing would be refused; 3 problems found (listed, and all in bad-values.csv); 2 bad"
                    + " usage, a bad job file or a refused precondition (a damaged source, a migration that does not"
                    + " apply, no CREATEDB); 1 the check could not run (e.g. the server cannot be reached); 130"
                    + " interrupted."
        })
final class CheckCommand implements Callable<Integer> {

    /** What the console shows; the full list is the file. */
    private static final int SHOWN_GROUPS = 50;

    private static final int SHOWN_EXAMPLES = 5;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Mixin
    JobOptions jobOptions = new JobOptions();

    @Mixin
    ParallelOption parallel = new ParallelOption();

    @Option(
            names = "--no-load",
            description =
                    "Do not copy the rows into the scratch schema: faster and no disk, but CHECK, unique, enum and"
                            + " domain refusals are not looked for (a warning says so; the cutover stops at the first).")
    boolean noLoad;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
        return output.bind(spec).around("check", this::check);
    }

    private int check() {
        int threads = parallel.value();
        JobDefinition job = jobOptions.load();
        PrintWriter out = output.lines();
        TargetCredentials credentials = job.target().hasServer()
                ? TargetCredentials.fromEnvironment(parent.environment)
                : TargetCredentials.none();
        out.println("lite2pg check: job " + job.name() + ", source "
                + job.source().path() + ", target schema " + job.target().schema()
                + (job.target().hasServer()
                        ? " in a scratch database on " + job.target().redactedUrl() + " as "
                                + job.target().user() + ", password "
                                + (credentials.password().isPresent()
                                        ? "from " + credentials.sourceVariable().orElse("environment")
                                        : "none")
                        : " in an embedded PostgreSQL (no target server given)"));
        out.flush();
        ConsoleLogging.onlyWarnings("io.zonky", "org.flywaydb");
        ConsoleLogging.off("org.flywaydb.core.internal.command.DbMigrate");
        // The scan of a large table, the load and the migrations say nothing for long stretches: a line under the
        // others shows the check is at work and for how long.
        ProgressDisplay display = ProgressDisplay.forConsole(out, "");
        JobCheck.Outcome outcome;
        try (Activity working = Activity.start(display, "check", () -> "[check] at work")) {
            outcome = JobCheck.run(job, credentials, threads, !noLoad, line -> display.print("[check] " + line));
        }
        if (!outcome.report().warnings().isEmpty()) {
            out.println("lite2pg: warnings (the copy will do this without refusing it; read them before the cutover):");
            outcome.report().warnings().forEach(w -> out.println("  - " + w));
        }
        output.checked(
                outcome.report().verdict().label(),
                ExitCodes.of(outcome.report()),
                outcome.folder(),
                outcome.folder().resolve(CheckReport.FILE_NAME),
                outcome.scan().badValuesFile() == null
                        ? null
                        : outcome.scan().badValuesFile().toString());
        if (outcome.report().passed()) {
            output.result()
                    .println("lite2pg: check " + outcome.report().verdict() + ": "
                            + String.format(Locale.ROOT, "%,d", outcome.scan().rowsScanned())
                            + (noLoad
                                    ? " rows read and converted, no value the conversions refuse (rows not loaded: see the"
                                            + " warning). Report: "
                                    : " rows read, converted and loaded, nothing the target would refuse. Report: ")
                            + outcome.folder().resolve(CheckReport.FILE_NAME));
            return ExitCodes.of(outcome.report());
        }
        if (outcome.scan().hasProblems()) {
            out.println("lite2pg: the target would refuse " + ScanSummary.what(outcome.scan()) + ":");
            ScanSummary.problemLines(outcome.scan(), SHOWN_GROUPS, SHOWN_EXAMPLES)
                    .forEach(out::println);
            out.println("Every one of them: " + outcome.scan().badValuesFile());
        }
        if (!outcome.report().orphanProblems().isEmpty()) {
            out.println("lite2pg: the job's orphans policy cannot resolve every orphan reference, so the cutover would"
                    + " refuse them:");
            outcome.report().orphanProblems().forEach(p -> out.println("  - " + p));
            out.println("Choose orphans: quarantine or delete, or make the column nullable in the migrations");
        }
        if (!outcome.report().mappingProblems().isEmpty()) {
            out.println("lite2pg: source names that map to nothing in the target schema (not scanned):");
            outcome.report().mappingProblems().forEach(p -> out.println("  - " + p));
        }
        output.result()
                .println("lite2pg: check " + outcome.report().verdict() + ". Report: "
                        + outcome.folder().resolve(CheckReport.FILE_NAME));
        return ExitCodes.of(outcome.report());
    }
}
