package dev.lite2pg.cli;

import dev.lite2pg.jobfile.JobDefinition;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --job FILE}, required by every command that runs or reads a job, with the options that override the file. */
final class JobOptions {

    @Option(
            names = "--job",
            required = true,
            paramLabel = "FILE",
            description = "The job file (YAML), e.g. jobs/demo.yml.")
    Path file;

    @Mixin
    TargetOptions overrides = new TargetOptions();

    /** The command this is mixed into, for the environment its root command reads. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The job file with the environment and the options applied over it; the target server may still be missing. */
    JobDefinition load() {
        return overrides.load(file, TargetOptions.environment(command));
    }

    /** As {@link #load}, for a command that cannot run without a target server. */
    JobDefinition loadWithTarget(String command) {
        JobDefinition job = load();
        job.requireTargetServer(command);
        return job;
    }
}
