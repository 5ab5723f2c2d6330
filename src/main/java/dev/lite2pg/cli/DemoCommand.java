package dev.lite2pg.cli;

import dev.lite2pg.batch.CutoverLauncher;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.postgres.ScratchTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Writes a sample SQLite database and runs a real cutover of it.",
        description = {
            "The sample is a bike shop with the usual traps: renamed columns, a reserved-word table, a NOT NULL"
                    + " foreign-key cycle, 0/1 booleans, text and epoch timestamps, JSON, blobs, lists. It is written"
                    + " to the demo job's source path. Without --target-url the target is an embedded PostgreSQL"
                    + " started for the run, so nothing needs to be installed; the report stays in runs/demo/.",
            "It never overwrites a file other than its own earlier output: anything else at the source path is"
                    + " refused (exit 2)."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Option(
            names = "--job",
            paramLabel = "FILE",
            defaultValue = "jobs/demo.yml",
            description = "The demo job file (default: ${DEFAULT-VALUE}).")
    Path jobFile;

    @Mixin
    TargetOptions overrides = new TargetOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JobDefinition job = overrides.load(jobFile, parent.environment);
        DemoDatabase.create(job.source().path());
        out.println("demo: wrote the sample SQLite database " + job.source().path());
        if (overrides.namesServer(parent.environment)) {
            return CutoverRunner.run(
                    job,
                    CutoverLauncher.Options.resumeOrStart(),
                    TargetCredentials.fromEnvironment(parent.environment),
                    out,
                    spec.commandLine().getErr());
        }
        out.println("demo: starting an embedded PostgreSQL for the target (no --target-url given)");
        out.flush();
        // The embedded server narrates its whole start-up at INFO.
        ConsoleLogging.onlyWarnings("io.zonky");
        try (ScratchTarget postgres = ScratchTarget.embedded()) {
            JobDefinition embedded = job.withTarget(postgres.url(), postgres.user());
            return CutoverRunner.run(
                    embedded,
                    CutoverLauncher.Options.resumeOrStart(),
                    postgres.credentials(),
                    out,
                    spec.commandLine().getErr());
        }
    }
}
