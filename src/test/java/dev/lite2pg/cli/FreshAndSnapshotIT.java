package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TargetFingerprint;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reads a snapshot of the source taken at its start: a resume reads the same snapshot whatever happened to the
 * source since, refuses when the snapshot is gone or altered, and {@code --fresh} is the way out.
 */
@ExtendWith(TestDatabaseExtension.class)
class FreshAndSnapshotIT {

    private static final String FAULT = PropertyFaultPoints.PROPERTY;
    private static final String CHANGED = "Changed-After-Snapshot";

    @TempDir
    Path work;

    private static Path cleanSource;
    private static Map<String, String> clean;

    @TempDir
    static Path shared;

    @BeforeAll
    static void cleanRun(TestDatabase db) throws Exception {
        cleanSource = shared.resolve("demo.sqlite");
        DemoDatabase.create(cleanSource);
        CliRun run = CliRun.of(
                db.environment(),
                "cutover",
                "--job",
                jobFile(shared, cleanSource, db).toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        clean = TargetFingerprint.of(db, "demo");
    }

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @Test
    void aResumeCopiesTheSnapshotEvenWhenTheSourceChangedButFailsAndFreshThenCopiesTheChangedSource(TestDatabase db)
            throws Exception {
        Path source = copyOfSource();
        Path job = jobFile(work, source, db);
        CliRun failed = failAtCustomerChunk(db, job);
        assertThat(failed.out())
                .containsPattern("\\[snapshot] .* copied with SQLite's online backup to .*snapshot-.*\\.sqlite");
        assertThat(snapshots()).hasSize(1);

        changeSource(source);
        String changedSha = SourceFingerprint.sha256(source);

        // The resume copies the snapshot, so the target lacks the change: for a cutover that is a FAIL, not a pass.
        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(3);
        assertThat(resumed.out())
                .contains("[resume] run ")
                .contains("verified")
                .contains("is not as it was when the snapshot was taken")
                .contains("customer: 56 of 117 rows already copied, resuming");
        assertThat(resumed.err())
                .contains("was written to after the run's snapshot was taken")
                .contains("cutover --fresh");
        assertThat(TargetFingerprint.of(db, "demo"))
                .as("the resumed run holds the snapshot's rows, not the changed source's")
                .isEqualTo(clean);
        assertThat(snapshots())
                .as("a run that did not complete keeps its snapshot")
                .hasSize(1);
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(changedSha);

        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(again.exitCode()).as(again.all()).isEqualTo(3);
        assertThat(again.all()).doesNotContain("already completed");
        assertThat(again.err())
                .contains("was written to after the run's snapshot was taken")
                .contains("cutover --fresh");
        assertThat(TargetFingerprint.of(db, "demo")).isEqualTo(clean);

        CliRun fresh = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--fresh", "--yes");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out())
                .contains("[fresh] run ")
                .contains("marked ABANDONED")
                .contains("emptied ");
        assertThat(count(db, "SELECT count(*) FROM demo.customer WHERE last_name = '" + CHANGED + "'"))
                .isEqualTo(1);
        Map<String, String> freshPrint = TargetFingerprint.of(db, "demo");
        assertThat(freshPrint.get("customer")).isNotEqualTo(clean.get("customer"));
        freshPrint.remove("customer");
        Map<String, String> cleanRest = new TreeMap<>(clean);
        cleanRest.remove("customer");
        assertThat(freshPrint)
                .as("every other table and every sequence as after a clean run")
                .isEqualTo(cleanRest);
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(changedSha);
    }

    @Test
    void aResumeWhoseSnapshotIsAlteredOrGoneIsRefusedAndFreshAsksFirst(TestDatabase db) throws Exception {
        Path source = copyOfSource();
        Path job = jobFile(work, source, db);
        failAtCustomerChunk(db, job);
        Map<String, String> afterFailure = TargetFingerprint.of(db, "demo");
        Path snapshot = snapshots().get(0);

        Files.write(snapshot, new byte[] {0}, StandardOpenOption.APPEND);
        CliRun altered = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(altered.exitCode()).as(altered.all()).isEqualTo(2);
        assertThat(altered.err())
                .contains("cannot resume run")
                .contains("has changed (sha256")
                .contains("cutover --fresh");
        assertThat(TargetFingerprint.of(db, "demo")).as("nothing written").isEqualTo(afterFailure);

        Files.delete(snapshot);
        CliRun gone = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(gone.exitCode()).as(gone.all()).isEqualTo(2);
        assertThat(gone.err()).contains("snapshot " + snapshot + " is gone").contains("cutover --fresh");
        assertThat(TargetFingerprint.of(db, "demo")).isEqualTo(afterFailure);

        CliRun declined = CliRun.answering("no\n", db.environment(), "cutover", "--job", job.toString(), "--fresh");
        assertThat(declined.exitCode()).as(declined.all()).isEqualTo(2);
        assertThat(declined.out())
                .contains("--fresh abandons run ")
                .contains("(FAILED")
                .contains("customer")
                .contains("Type yes");
        assertThat(declined.err()).contains("not confirmed; nothing was changed");
        assertThat(TargetFingerprint.of(db, "demo")).isEqualTo(afterFailure);

        CliRun noAnswer = CliRun.answering("", db.environment(), "cutover", "--job", job.toString(), "--fresh");
        assertThat(noAnswer.exitCode())
                .as("end of input is not a yes: " + noAnswer.all())
                .isEqualTo(2);
        assertThat(TargetFingerprint.of(db, "demo")).isEqualTo(afterFailure);

        CliRun fresh = CliRun.answering("yes\n", db.environment(), "cutover", "--job", job.toString(), "--fresh");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out())
                .contains("marked ABANDONED")
                .contains("emptied ")
                .contains("[snapshot] ");
        assertThat(fresh.out())
                .as("a new run copies every table from its first row")
                .doesNotContain("already copied, resuming");
        assertThat(TargetFingerprint.of(db, "demo")).isEqualTo(clean);

        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  COMPLETED$")
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  ABANDONED$");
    }

    @Test
    void aFailedRunIsNotResumedFromItsSnapshotWhenSourceNamesAnotherFileAndFreshCopiesThatFile(TestDatabase db)
            throws Exception {
        Path source = copyOfSource();
        Path fixed = work.resolve("fixed.sqlite");
        Files.copy(cleanSource, fixed);
        changeSource(fixed);
        Path job = jobFile(work, source, db);
        failAtCustomerChunk(db, job);
        Map<String, String> afterFailure = TargetFingerprint.of(db, "demo");

        CliRun other = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--source", fixed.toString());
        assertThat(other.exitCode()).as(other.all()).isEqualTo(2);
        assertThat(other.err())
                .contains("copies " + source + " (from its snapshot), not " + fixed)
                .contains("Nothing was written")
                .contains("cutover --fresh")
                .contains("cutover --source " + source);
        assertThat(other.out()).doesNotContain("resuming");
        assertThat(TargetFingerprint.of(db, "demo")).as("nothing written").isEqualTo(afterFailure);

        CliRun fresh = CliRun.of(
                db.environment(), "cutover", "--job", job.toString(), "--source", fixed.toString(), "--fresh", "--yes");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(count(db, "SELECT count(*) FROM demo.customer WHERE last_name = '" + CHANGED + "'"))
                .as("the named file's rows, not the failed run's snapshot's")
                .isEqualTo(1);
    }

    private CliRun failAtCustomerChunk(TestDatabase db, Path job) {
        System.setProperty(FAULT, "chunk:customer:9");
        try {
            CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
            assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
            return failed;
        } finally {
            System.clearProperty(FAULT);
        }
    }

    private Path copyOfSource() throws Exception {
        Path source = work.resolve("demo.sqlite");
        Files.copy(cleanSource, source);
        return source;
    }

    private static void changeSource(Path source) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE Customer SET LastName = '" + CHANGED
                            + "' WHERE CustomerId = (SELECT min(CustomerId) FROM Customer)"))
                    .isEqualTo(1);
        }
    }

    private List<Path> snapshots() throws Exception {
        try (Stream<Path> files = Files.list(work.resolve("runs").resolve("demo"))) {
            return files.filter(f -> f.getFileName().toString().matches("snapshot-.*\\.sqlite"))
                    .toList();
        }
    }

    private static Path jobFile(Path folder, Path source, TestDatabase db) throws Exception {
        return JobFile.demo(source, db)
                .chunkSize(7)
                .output(folder.resolve("runs"))
                .writeTo(folder.resolve("demo.yml"));
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
