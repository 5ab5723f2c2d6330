package dev.lite2pg.cli;

import dev.lite2pg.batch.CutoverLauncher;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "cutover",
        mixinStandardHelpOptions = true,
        header = "Copies the job's SQLite database into PostgreSQL, validates it and writes the report.",
        description = {
            "Before anything is written: the job's files, the target connection and the migrations are checked. Then:"
                    + " snapshot (SQLite online backup into the job's output folder), preflight (quick_check or"
                    + " integrity_check, empty target), schema (Flyway), precheck (orphan references), plan (names,"
                    + " converters, foreign keys deferred), copy (one step per table, or per rowid range of a large one, largest first, COPY in chunks;"
                    + " every value converted once), bad-rows (with on-bad-row: fail, values the target refuses stop"
                    + " the run, all of them listed, the target left as found), constraints, sequences, validate,"
                    + " report (report.json and report.md in the run's folder). The SQLite file is opened read-only and"
                    + " never modified.",
            "After a failure or Ctrl-C the same command resumes the run from its snapshot, at the last committed chunk;"
                    + " after a success it says so and writes nothing.",
            "Password: LITE2PG_TARGET_PASSWORD, else a password in LITE2PG_TARGET_URL, else PGPASSWORD (never on the"
                    + " command line)."
        },
        footer = {
            "",
            "Exit codes: 0 passed (or already completed); 1 job failed or target unreachable (re-run to resume); 2 bad"
                    + " usage, job file or migration, or a refused precondition (e.g. a resume whose snapshot is gone,"
                    + " --fresh not confirmed); 3 copy finished but validation failed, or the source was written to"
                    + " after the run's snapshot without --live (stop the application, then --fresh, or catch-up while the snapshot is"
                    + " kept); 130 interrupted (run the same"
                    + " command to resume)."
        })
final class CutoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Mixin
    JobOptions jobOptions = new JobOptions();

    @Option(
            names = "--fresh",
            description = "Abandon the previous run of this job into this target and start a new one from a new"
                    + " snapshot: empties (TRUNCATE) the tables that run committed rows into, never drops the schema."
                    + " Asks first unless --yes. After a completed run, refuses while those tables changed since (see"
                    + " --discard-changes-since-cutover).")
    boolean fresh;

    @Option(
            names = CutoverLauncher.DISCARD_CHANGES,
            description = "With --fresh after a completed cutover: empty the tables even though they changed since it"
                    + " completed (the application wrote to them). Without it, --fresh refuses and names them.")
    boolean discardChanges;

    @Option(
            names = "--live",
            description = "The application keeps running (phase 1 of a two-phase cutover): copy, validate and report"
                    + " from the snapshot as usual, pass as of the snapshot even though the application writes"
                    + " meanwhile, and keep the snapshot as the base of catch-up, which then applies only what changed"
                    + " while the application is stopped (see runbooks/cutover.md).")
    boolean live;

    @Option(names = "--yes", description = "Do not ask for confirmation (for --fresh in scripts).")
    boolean yes;

    @Mixin
    ParallelOption parallel = new ParallelOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() throws Exception {
        return output.bind(spec).around("cutover", this::cutover);
    }

    private int cutover() throws Exception {
        JobDefinition job = jobOptions.loadWithTarget("cutover");
        // The question is for a person, even with --quiet; with --json stdout is the document's.
        PrintWriter out = output.result();
        if (discardChanges && !fresh) {
            throw new Lite2pgException(ErrorCode.USAGE, CutoverLauncher.DISCARD_CHANGES + " only goes with --fresh");
        }
        CutoverLauncher.Options options = new CutoverLauncher.Options(
                        fresh, what -> yes || ask(what, out), parallel.value(), null, discardChanges)
                .verbosely(verbose.verbose)
                .whileLive(live);
        return CutoverRunner.run(
                "cutover", job, options, TargetCredentials.fromEnvironment(parent.environment), output);
    }

    /** Only an explicit "yes" goes ahead: anything else, or no answer at all (no terminal, end of input), changes nothing. */
    private boolean ask(String what, PrintWriter out) {
        out.println(what);
        out.print("Type yes to go ahead: ");
        out.flush();
        try {
            String answer = parent.input.readLine();
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the confirmation", e);
        }
    }
}
