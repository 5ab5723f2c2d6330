package dev.lite2pg.cli;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = {
                "Copies the job's SQLite database into PostgreSQL: preflight (integrity_check, empty target), schema",
                "(Flyway), plan (names, converters, foreign-key order), copy (one step per table, COPY in chunks),",
                "constraints, sequences, validate, report (report.json and report.md in the run's folder).",
                "The SQLite file is opened read-only and never modified.",
                "Password: LITE2PG_TARGET_PASSWORD, else PGPASSWORD (never on the command line)."},
        footer = {"", "Exit codes: 0 passed, 1 job failed (re-run to resume), 2 bad usage/job file/refused precondition,",
                "3 copy finished but validation failed."})
final class CutoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The job file (YAML), e.g. jobs/demo.yml.")
    Path jobFile;

    @Mixin
    TargetOptions overrides = new TargetOptions();

    @Override
    public Integer call() throws Exception {
        JobDefinition job = overrides.load(jobFile);
        return CutoverRunner.run(job, TargetCredentials.fromEnvironment(parent.environment),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
