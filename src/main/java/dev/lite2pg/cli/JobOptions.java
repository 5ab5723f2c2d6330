package dev.lite2pg.cli;

import dev.lite2pg.jobfile.JobDefinition;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    /** The job file with the overrides applied over it; the target server may still be missing. */
    JobDefinition load() {
        return overrides.load(file);
    }

    /** As {@link #load}, for a command that cannot run without a target server. */
    JobDefinition loadWithTarget(String command) {
        return overrides.loadWithTarget(file, command);
    }
}
