package dev.lite2pg.cli;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.JobFileLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that override the job file, shared by the commands that run a job. */
final class TargetOptions {

    @Option(names = "--source", paramLabel = "FILE", description = "SQLite file to copy (overrides source.path).")
    Path source;

    @Option(
            names = "--target-url",
            paramLabel = "URL",
            description = "jdbc:postgresql:// URL of the target (overrides target.url). Never put the password in it.")
    String targetUrl;

    @Option(
            names = "--target-user",
            paramLabel = "NAME",
            description =
                    "User to connect as (overrides target.user; default postgres when the job file names no target).")
    String targetUser;

    @Option(
            names = "--target-schema",
            paramLabel = "NAME",
            description = "Schema of the application tables (overrides target.schema).")
    String targetSchema;

    /** The job file with these options applied over it; the target server may still be missing. */
    JobDefinition load(Path jobFile) {
        return JobFileLoader.load(jobFile).withOverrides(source, targetUrl, targetUser, targetSchema);
    }

    /** As {@link #load}, for a command that cannot run without a target server. */
    JobDefinition loadWithTarget(Path jobFile, String command) {
        JobDefinition job = load(jobFile);
        job.requireTargetServer(command);
        return job;
    }
}
