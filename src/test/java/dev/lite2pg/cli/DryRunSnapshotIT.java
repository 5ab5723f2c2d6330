package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry-run's snapshot is a full copy of the source that no later run can resume from: it must not outlive the
 * dry-run, whether the dry-run passes, fails with --keep, or is stopped by SIGTERM (Ctrl-C, kill, a service manager).
 */
@ExtendWith(TestDatabaseExtension.class)
class DryRunSnapshotIT {

    private static final String FAULT = "lite2pg.fault";
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path work;

    private static TestDatabase db;
    private static Path bigSource;
    private static Path bigMigrations;

    @BeforeAll
    static void setUp() throws Exception {
        bigSource = work.resolve("big.sqlite");
        bigMigrations = BigSource.create(bigSource, work.resolve("big-sql"));
    }

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @Test
    void sigtermDuringADryRunLeavesNoSnapshotBehind() throws Exception {
        Path output = work.resolve("runs-sigterm");
        try (ChildCutover child = ChildCutover.start("dry-run", job("sigterm", output), work, db.environment())) {
            child.awaitLine(l -> l.startsWith("[snapshot] "), CHILD_TIMEOUT);
            assertThat(snapshots(output))
                    .as("the snapshot exists while the dry-run runs\n" + child.all())
                    .isNotEmpty();
            assertThat(child.isAlive())
                    .as("still running when the signal comes\n" + child.all())
                    .isTrue();

            child.terminate(CHILD_TIMEOUT);

            assertThat(snapshots(output))
                    .as("left behind after SIGTERM\n" + child.all())
                    .isEmpty();
        }
    }

    @Test
    void aDryRunThatFailsWithKeepLeavesNoSnapshotBehind() throws Exception {
        Path output = work.resolve("runs-keep");
        System.setProperty(FAULT, "step:validate");
        CliRun failed = CliRun.of(
                db.environment(),
                "dry-run",
                "--keep",
                "--job",
                job("keep", output).toString(),
                "--parallel",
                "2");

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.out()).contains("[snapshot] ");
        assertThat(snapshots(output)).as(failed.all()).isEmpty();
    }

    /** Every snapshot file and its by-products (partial copy, journal) under the output folder. */
    private static List<Path> snapshots(Path output) throws Exception {
        if (!Files.exists(output)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(f -> f.getFileName().toString().matches("snapshot-.*\\.sqlite.*"))
                    .toList();
        }
    }

    private static Path job(String name, Path output) throws Exception {
        return JobFile.named("big-" + name)
                .source(bigSource)
                .target(db)
                .schema(BigSource.SCHEMA + "_" + name)
                .migrations(bigMigrations)
                .chunkSize(2000)
                .output(output)
                .writeTo(work.resolve("big-" + name + ".yml"));
    }
}
