package dev.lite2pg.cli;

import static dev.lite2pg.cli.EdgeCaseDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a shared host, what lite2pg writes must be no more readable than the source it copies: the snapshot is the whole
 * database, and the log, reports, bad-values.csv and metrics hold row values. With a 0600 source, check, dry-run and
 * a failed (resumable) cutover leave only 0700 folders and 0600 files, whatever the process's umask, read back from
 * the file system.
 */
@ExtendWith(TestDatabaseExtension.class)
class PrivateOutputIT {

    private static final String FAULT = "lite2pg.fault";
    private static TestDatabase db;

    @TempDir
    Path work;

    @AfterEach
    void clearFault() {
        System.clearProperty(FAULT);
    }

    @Test
    void everyFolderIs0700AndEveryFileHoldingDataIs0600() throws Exception {
        Path source = work.resolve("private.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT, paid INTEGER)");
            sqlite.rows(
                    "INSERT INTO customer VALUES (?, ?, ?)",
                    row(1, "ann secret", 1),
                    row(2, "bob secret", 2),
                    row(3, "cid secret", 0));
        }
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        Path job = job(source);

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());
        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        CliRun dryRun = CliRun.of(db.environment(), "dry-run", "--job", job.toString());
        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        System.setProperty(FAULT, "step:validate");
        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);

        List<String> names = new ArrayList<>();
        try (Stream<Path> all = Files.walk(work.resolve("runs"))) {
            for (Path path : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertThat(mode)
                        .as("permissions of " + work.relativize(path))
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
                names.add(path.getFileName().toString());
            }
        }
        // Not vacuous: every kind of file that holds data was there to be checked.
        assertThat(names)
                .contains(
                        "check.json",
                        "bad-values.csv",
                        "lite2pg.log",
                        "report.json",
                        "report.md",
                        "report.html",
                        "metrics.json");
        assertThat(names)
                .as("the failed cutover's snapshot, kept for its resume")
                .anyMatch(n -> n.matches("snapshot-.*\\.sqlite"));
    }

    private Path job(Path source) throws IOException {
        Path sql = JobFile.migration(
                work.resolve("sql"), "CREATE TABLE customer (id integer PRIMARY KEY, name text, paid boolean);\n");
        return JobFile.named("private")
                .source(source)
                .target(db)
                .schema("app")
                .migrations(sql)
                .extra("on-bad-row: quarantine\n")
                .output(work.resolve("runs"))
                .writeTo(work.resolve("private.yml"));
    }
}
