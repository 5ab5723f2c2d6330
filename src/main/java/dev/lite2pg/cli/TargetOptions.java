package dev.lite2pg.cli;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.JobFileLoader;
import dev.lite2pg.jobfile.JobOverrides;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options that override the job file, shared by the commands that run a job; the environment's come between. */
final class TargetOptions {

    @Option(
            names = "--source",
            paramLabel = "FILE",
            description = "SQLite file to copy (overrides source.path; relative to the working directory).")
    Path source;

    @Option(
            names = "--target-url",
            paramLabel = "URL",
            description = "The target, jdbc:postgresql://HOST:PORT/DB or postgresql://USER@HOST:PORT/DB (overrides"
                    + " LITE2PG_TARGET_URL and target.url). Never put the password in it.")
    String targetUrl;

    @Option(
            names = "--target-user",
            paramLabel = "NAME",
            description = "User to connect as (overrides LITE2PG_TARGET_USER and target.user; default postgres when"
                    + " nothing names one).")
    String targetUser;

    @Option(
            names = "--target-schema",
            paramLabel = "NAME",
            description = "Schema of the application tables (overrides target.schema).")
    String targetSchema;

    /** The job file with the environment and these options applied over it; the target server may still be missing. */
    JobDefinition load(Path jobFile, Map<String, String> environment) {
        return JobFileLoader.load(jobFile, JobOverrides.of(source, targetUrl, targetUser, targetSchema, environment));
    }

    /** True when the command line or the environment names a target server. */
    boolean namesServer(Map<String, String> environment) {
        String fromEnvironment = environment.get(dev.lite2pg.jobfile.TargetCredentials.URL_VARIABLE);
        return targetUrl != null || (fromEnvironment != null && !fromEnvironment.isEmpty());
    }

    /** The root command's environment (the process's, or the one a test gave), from the spec of a command under it. */
    static Map<String, String> environment(CommandSpec command) {
        CommandSpec root = command;
        while (root.parent() != null) {
            root = root.parent();
        }
        return ((Lite2pgCommand) root.userObject()).environment;
    }
}
