package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.TargetConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run needs and can be checked before anything is written: the source file, the migrations' folders and the
 * target connection. A start that fails here leaves no snapshot, no run folder and no run in the job repository, so
 * running the same command again once the cause is fixed simply starts.
 */
final class StartChecks {

    private static final String FILESYSTEM = "filesystem:";

    private StartChecks() {}

    /** @throws Lite2pgException naming every missing path at once, or why the target cannot be reached */
    static void run(JobDefinition job, TargetCredentials credentials) {
        List<String> problems = new ArrayList<>();
        Path source = job.source().path();
        if (!Files.isRegularFile(source)) {
            problems.add("the source " + source.toAbsolutePath()
                    + (Files.isDirectory(source) ? " is a folder, not a SQLite file" : " does not exist")
                    + " (source.path, relative to the job file's folder, or --source)");
        } else if (!Files.isReadable(source)) {
            problems.add("the source " + source.toAbsolutePath() + " cannot be read by this user");
        }
        if (job.schema().migrate()) {
            for (String location : job.schema().locations()) {
                if (location.startsWith(FILESYSTEM)
                        && !Files.isDirectory(Path.of(location.substring(FILESYSTEM.length())))) {
                    problems.add("the migrations folder " + location.substring(FILESYSTEM.length())
                            + " does not exist (schema.locations: " + location
                            + "; relative paths resolve against the job file's folder)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    String.join("; ", problems) + ". Nothing was written and no snapshot was taken.");
        }
        TargetConnection.check(job.target(), credentials);
    }
}
