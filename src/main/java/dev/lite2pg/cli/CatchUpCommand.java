package dev.lite2pg.cli;

import dev.lite2pg.batch.CatchUpLauncher;
import dev.lite2pg.catchup.CatchUp;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "catch-up",
        mixinStandardHelpOptions = true,
        header = "Brings a completed cutover's target up to date with what the application wrote to the source since.",
        description = {
            "The second phase of a two-phase cutover: cutover --live copies while the application runs; then stop the"
                    + " application and run catch-up. It takes a new snapshot, compares it table by table with the last"
                    + " snapshot the target holds (by primary key, every copied value), converts the inserted and"
                    + " changed rows with the copy's converters, applies inserts, updates and deletes in one"
                    + " transaction with its record in the job repository (foreign keys checked at its end,"
                    + " sequences moved), then validates every changed table in full and every table's row count."
                    + " It can run several times: each one's snapshot is the next one's base. Killed, it wrote nothing"
                    + " (one transaction): run it again.",
            "A table whose source has no primary key copied into a key of the target table cannot be caught up: it is"
                    + " named before anything is written if it changed. Bad values in the changes follow the job's"
                    + " on-bad-row.",
            "Password: LITE2PG_TARGET_PASSWORD, else a password in LITE2PG_TARGET_URL, else PGPASSWORD."
        },
        footer = {
            "",
            "Exit codes: 0 caught up and validated (or nothing to catch up); 1 failed or target unreachable (run it"
                    + " again); 2 bad usage, or refused before writing anything (no completed cutover, base snapshot"
                    + " gone, a keyless table changed, the schema changed, a bad value with on-bad-row: fail, a broken"
                    + " foreign key); 3 validation failed, or, without --live, the source was written to after the catch-up's snapshot"
                    + " (stop the application, run catch-up again); 130 interrupted (nothing was written unless the"
                    + " console said applied)."
        })
final class CatchUpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Mixin
    JobOptions jobOptions = new JobOptions();

    @Option(
            names = "--live",
            description = "The application is still running (a rehearsal of the catch-up, or shrinking the last one):"
                    + " writes after this catch-up's snapshot do not fail the verdict; the next catch-up takes them.")
    boolean live;

    @Option(
            names = "--full-check",
            description = "Validate each changed table against the new snapshot read and converted again in full, row"
                    + " by row, instead of by the checksum carried from the copy through each catch-up (which counts on"
                    + " the comparison having found every changed row). Slower: it reads the changed tables of the"
                    + " source once more.")
    boolean fullCheck;

    @Mixin
    ParallelOption parallel = new ParallelOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws Exception {
        return output.bind(spec).around("catch-up", this::catchUp);
    }

    private int catchUp() throws Exception {
        JobDefinition job = jobOptions.loadWithTarget("catch-up");
        PrintWriter out = output.lines();
        TargetCredentials credentials = TargetCredentials.fromEnvironment(parent.environment);
        CutoverRunner.header("catch-up", job, credentials, out);
        CatchUp.Result result = CutoverRunner.whileInterruptible(
                "lite2pg: interrupted; unless it said \"applied in one transaction\", nothing of this catch-up was"
                        + " written (its one transaction rolls back): run it again.",
                output.err(),
                () -> CatchUpLauncher.run(
                        job, new CatchUp.Options(parallel.value(), live, fullCheck), credentials, out));
        int code = ExitCodes.of(result);
        output.caughtUp(result);
        PrintWriter closing = output.result();
        switch (result.outcome()) {
            case UP_TO_DATE -> closing.println("lite2pg: job " + job.name() + " is up to date; nothing was written");
            case PASS ->
                closing.println("lite2pg: catch-up " + result.entry().number() + " applied, validation PASS"
                        + (result.sourceWritten()
                                ? " as of its snapshot (the application wrote since: catch up again after stopping it)"
                                : "")
                        + ". Report: " + result.runFolder().resolve("catch-up.md"));
            case FAIL ->
                output.err()
                        .println("lite2pg: catch-up " + result.entry().number() + " applied, validation FAIL: "
                                + String.join("; ", result.entry().problems()) + ". Report: "
                                + result.runFolder().resolve("catch-up.md"));
        }
        closing.flush();
        return code;
    }
}
