package dev.lite2pg.cli;

import dev.lite2pg.batch.CutoverLauncher;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.SchemaDump;
import dev.lite2pg.postgres.ScratchTarget;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "dry-run",
        mixinStandardHelpOptions = true,
        header = "Rehearses the cutover into a staging or embedded PostgreSQL and says whether it would pass.",
        description = {
            "The whole job (snapshot, schema, copy, sequences, validation) into a staging target, then the report"
                    + " (report.html, report.md, report.json under <output>/<job>.dry-run/). Every bad row is found in"
                    + " one go: the rehearsal sets each aside with its key and reason, and the verdict says what the"
                    + " real cutover would do under the job's on-bad-row (fail: FAIL, naming every row that would stop"
                    + " it).",
            "Without a target (no --target-url, LITE2PG_TARGET_URL or target section), or with --embedded, it uses an"
                    + " embedded PostgreSQL, so nothing needs to be installed and a job file naming the production"
                    + " target can be rehearsed as it is. It refuses a target holding any run of the job (running,"
                    + " failed or finished), holds the job's run lock throughout so that no cutover of it starts"
                    + " meanwhile, and leaves the target as it found it (the report stays) unless --keep. The SQLite"
                    + " file is opened read-only and never modified."
        },
        footer = {
            "",
            "Exit codes: 0 PASS or PASS WITH WARNINGS; 1 the rehearsal failed or the target cannot be reached; 2 bad"
                    + " usage, job file or migration, or a refused precondition (e.g. the target holds a run of the job"
                    + " or application rows); 3 FAIL: the real cutover would not pass; 130 interrupted."
        })
final class DryRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Mixin
    JobOptions jobOptions = new JobOptions();

    @Option(
            names = "--keep",
            description = "Keep the copied data, the run's records and its quarantine rows in the staging target to"
                    + " inspect (a later dry-run empties them first). No effect with the embedded PostgreSQL.")
    boolean keep;

    @Option(
            names = "--embedded",
            description = "Rehearse into an embedded PostgreSQL even though the job names a target: nothing is"
                    + " written to that target. With schema.migrate: false the embedded schema is built from that"
                    + " target's own definitions (pg_dump --schema-only, read-only on the target).")
    boolean embeddedServer;

    @Mixin
    ParallelOption parallel = new ParallelOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() throws Exception {
        return output.bind(spec).around("dry-run", this::dryRun);
    }

    private int dryRun() throws Exception {
        JobDefinition job = jobOptions.load();
        PrintWriter out = output.lines();
        CutoverLauncher.Options options = CutoverLauncher.Options.dryRun(
                        parallel.value(),
                        new CutoverLauncher.Rehearsal(job.name(), job.onBadRow(), job.orphans(), keep))
                .verbosely(verbose.verbose);
        if (job.target().hasServer() && !embeddedServer) {
            return CutoverRunner.run(
                    "dry-run", job.asDryRun(), options, TargetCredentials.fromEnvironment(parent.environment), output);
        }
        if (!job.schema().migrate() && !job.target().hasServer()) {
            throw new Lite2pgException(
                    ErrorCode.USAGE,
                    "dry-run: the job says the target schema is already there (schema.migrate: false), and an embedded"
                            + " PostgreSQL has none: give --target-url (a staging server with the schema built by the"
                            + " application's migrations), or name the target that has it and add --embedded to"
                            + " rehearse into an embedded copy of its schema, or give schema.locations.");
        }
        // Read before the embedded server starts: a target that cannot be read stops the dry-run at once.
        String dump = job.schema().migrate()
                ? null
                : SchemaDump.read(
                        job.target(),
                        TargetCredentials.fromEnvironment(parent.environment),
                        job.target().schema(),
                        "or dry-run into a staging server with the schema (--target-url, without --embedded)");
        out.println((embeddedServer && job.target().hasServer()
                        ? "dry-run: --embedded; starting an embedded PostgreSQL"
                        : "dry-run: no target server given; starting an embedded PostgreSQL")
                + ", which is gone when the dry-run ends"
                + (keep ? " (--keep has nothing to keep there)" : ""));
        out.flush();
        try (ScratchTarget embedded = ScratchTarget.embedded()) {
            if (dump != null) {
                SchemaDump.apply(
                        embedded.dataSource(),
                        embedded.description(),
                        job.target().schema(),
                        dump,
                        "or dry-run into a staging server with the schema (--target-url, without --embedded)");
                out.println("dry-run: schema " + job.target().schema() + " built in " + embedded.description()
                        + " from the definitions of " + job.target().redactedUrl()
                        + " (pg_dump --schema-only, read-only: nothing is written there)");
                out.flush();
            }
            JobDefinition onEmbedded = job.asDryRun().withTarget(embedded.url(), embedded.user());
            return CutoverRunner.run("dry-run", onEmbedded, options, embedded.credentials(), output);
        }
    }
}
