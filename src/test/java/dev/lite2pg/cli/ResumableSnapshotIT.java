package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cutover's snapshot (a full copy of the source) lives exactly as long as its run can be resumed: {@code status}
 * names it while it does, {@code --fresh} deletes the abandoned run's, a completed run deletes its own, and no
 * snapshot is ever left without a run that points at it.
 */
@ExtendWith(TestDatabaseExtension.class)
class ResumableSnapshotIT {

    private static final String FAULT = "lite2pg.fault";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @Test
    void statusNamesTheSnapshotOfAResumableRunAndFreshOrCompletionDeletesIt(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        Path job = jobFile(source, db);
        failing(db, "cutover", "--job", job.toString());
        Path first = onlySnapshot();

        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(status.out())
                .as(status.all())
                .contains("  snapshot " + first + ": a copy of the source, kept for the resume;");
        JsonNode failed = JSON.readTree(CliRun.of(db.environment(), "status", "--job", job.toString(), "--json")
                        .out())
                .get("runs")
                .get(0);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("snapshot").asString()).isEqualTo(first.toString());
        assertThat(failed.get("snapshotExists").asBoolean()).isTrue();

        failing(db, "cutover", "--job", job.toString(), "--fresh", "--yes");
        Path second = onlySnapshot();
        assertThat(second).as("--fresh deleted the abandoned run's snapshot").isNotEqualTo(first);
        assertThat(first).doesNotExist();
        JsonNode runs = JSON.readTree(CliRun.of(db.environment(), "status", "--job", job.toString(), "--json")
                        .out())
                .get("runs");
        assertThat(runs.get(0).get("snapshot").asString()).isEqualTo(second.toString());
        assertThat(runs.get(1).get("status").asString()).isEqualTo("ABANDONED");
        assertThat(runs.get(1).get("snapshot").isNull())
                .as(runs.get(1).toString())
                .isTrue();

        Files.delete(second);
        CliRun gone = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(gone.out())
                .as(gone.all())
                .contains("  snapshot " + second + " is gone: the run cannot resume; start over with cutover --fresh");

        CliRun fresh = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--fresh", "--yes");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(snapshots()).as("a completed run keeps no snapshot").isEmpty();
        CliRun done = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(done.out()).as(done.all()).doesNotContain("  snapshot ");
    }

    private static void failing(TestDatabase db, String... args) {
        System.setProperty(FAULT, "chunk:customer:2");
        try {
            CliRun failed = CliRun.of(db.environment(), args);
            assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        } finally {
            System.clearProperty(FAULT);
        }
    }

    private Path onlySnapshot() throws Exception {
        List<Path> snapshots = snapshots();
        assertThat(snapshots).hasSize(1);
        return snapshots.get(0);
    }

    private List<Path> snapshots() throws Exception {
        try (Stream<Path> files = Files.walk(work.resolve("runs"))) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("snapshot-.*\\.sqlite.*"))
                    .toList());
        }
    }

    private Path jobFile(Path source, TestDatabase db) throws Exception {
        return JobFile.demo(source, db)
                .chunkSize(7)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("demo.yml"));
    }
}
