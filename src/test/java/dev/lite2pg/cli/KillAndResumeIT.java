package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TargetFingerprint;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults a test cannot inject from inside the process: the cutover runs in a JVM of its own that is killed with
 * SIGKILL at a random moment, loses its PostgreSQL connection in the middle of a chunk, dies after it dropped the
 * foreign keys of a cycle, or meets a second process on the same job. Every time the same command run again must
 * leave the target exactly as a clean run does: every table's rows and md5, every sequence's next value, every
 * foreign key present and validated.
 */
@ExtendWith(TestDatabaseExtension.class)
class KillAndResumeIT {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern RESUMING =
            Pattern.compile("\\[copy] (\\w+): ([\\d,]+) of ([\\d,]+) rows already copied, resuming");
    private static final Pattern TABLE_DONE =
            Pattern.compile("\\[copy] (\\w+): ([\\d,]+) rows \\(([\\d,]+) in this run\\)");
    private static final Map<String, Long> BIG_COUNTS = Map.of(
            "region",
            (long) BigSource.REGIONS,
            "office",
            (long) BigSource.OFFICES,
            "account",
            (long) BigSource.ACCOUNTS,
            "entry",
            (long) BigSource.ENTRIES);

    @TempDir
    static Path work;

    private static Path bigSource;
    private static Path bigMigrations;
    private static Map<String, String> bigClean;
    private static Set<String> bigCleanForeignKeys;
    /** How long the clean child run took from its first [plan] line to its last line: the window the kills fall in. */
    private static long bigWindowMillis;

    private static Path demoSource;
    private static Map<String, String> demoClean;
    private static Set<String> demoCleanForeignKeys;

    @BeforeAll
    static void cleanRuns(TestDatabase big, TestDatabase demo) throws Exception {
        bigSource = work.resolve("big.sqlite");
        bigMigrations = BigSource.create(bigSource, work.resolve("big-sql"));
        try (ChildCutover child = ChildCutover.start(bigJob(big, "clean", 2000), work, big.environment())) {
            int exit = child.awaitExit(CHILD_TIMEOUT);
            assertThat(exit).as(child.all()).isZero();
            bigWindowMillis = child.millisAtLine(l -> l.startsWith("lite2pg: cutover finished"))
                    - child.millisAtLine(l -> l.startsWith("[plan]"));
            bigClean = TargetFingerprint.of(big, BigSource.SCHEMA);
            bigCleanForeignKeys = foreignKeys(big, BigSource.SCHEMA);
            System.out.printf(
                    "[KillAndResumeIT] clean child run of the big source: %d ms, %d ms of them after [plan]%n",
                    child.millisSinceStart(), bigWindowMillis);
        }
        assertThat(bigClean)
                .containsEntry("sequence big.entry_id_seq", String.valueOf(BigSource.ENTRY_HIGH_WATER + 1))
                .containsEntry("sequence big.account_id_seq", String.valueOf(BigSource.ACCOUNTS + 1));
        BIG_COUNTS.forEach((table, rows) -> assertThat(bigClean.get(table)).startsWith(rows + " "));
        assertThat(bigCleanForeignKeys).hasSize(4).allMatch(k -> k.endsWith(" validated"));

        demoSource = work.resolve("demo.sqlite");
        DemoDatabase.create(demoSource);
        CliRun run = CliRun.of(
                demo.environment(), "cutover", "--job", demoJob(demo, "clean").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        demoClean = TargetFingerprint.of(demo, "demo");
        demoCleanForeignKeys = foreignKeys(demo, "demo");
        assertThat(demoCleanForeignKeys).hasSize(8).allMatch(k -> k.endsWith(" validated"));
    }

    // -----------------------------------------------------------------------------------------------------------
    // 1. kill -9 at a random moment of the copy

    /** SplittableRandom's first doubles for these seeds: 0.11, 0.43, 0.74, 0.91 of the window. */
    private static final String SEEDS = "3,4,6,23";

    /** The seeds, or those of -Dlite2pg.kill.seeds=1,2,3 to hunt further. */
    static LongStream seeds() {
        return Arrays.stream(System.getProperty("lite2pg.kill.seeds", SEEDS).split(","))
                .mapToLong(s -> Long.parseLong(s.trim()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aProcessKilledAtARandomMomentResumesToExactlyTheCleanResult(long seed, TestDatabase db) throws Exception {
        Path job = bigJob(db, "kill-" + seed, 2000);
        long delay = (long) (bigWindowMillis * new SplittableRandom(seed).nextDouble());
        String killed;
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            child.awaitLine(l -> l.startsWith("[plan]"), CHILD_TIMEOUT);
            Thread.sleep(delay);
            child.kill();
            killed = child.out();
        }
        long lingered = awaitNoOtherSession(db);
        String statusAtKill = lastJobStatus(db);

        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        System.out.printf(
                "[KillAndResumeIT] seed %d: killed %d ms after [plan], sessions gone %d ms later, job was %s; resume: %s%n",
                seed,
                delay,
                lingered,
                statusAtKill,
                resumed.out()
                        .lines()
                        .filter(l -> l.startsWith("[copy]") || l.startsWith("[recover]"))
                        .toList());
        if (statusAtKill.equals("COMPLETED")) {
            // Killed after the job ended, while the process was still exiting: nothing to resume.
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.out()).contains("already completed");
        } else {
            assertThat(statusAtKill).isEqualTo("STARTED");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.out()).contains("[recover] run ");
            assertTablesFinishedBeforeTheKillAreNotCopiedAgain(killed, resumed.out());
            assertResumedTablesAddUp(resumed.out());
        }
        assertThat(TargetFingerprint.of(db, BigSource.SCHEMA)).isEqualTo(bigClean);
        assertNoRowLostOrDuplicated(db);
        assertThat(foreignKeys(db, BigSource.SCHEMA)).isEqualTo(bigCleanForeignKeys);
    }

    // -----------------------------------------------------------------------------------------------------------
    // 2. the PostgreSQL connection dropped in the middle of a chunk

    @Test
    void aConnectionTerminatedInTheMiddleOfACopyFailsTheRunAndTheReRunResumesExactly(TestDatabase db) throws Exception {
        Path job = bigJob(db, "terminated", 2000);
        int terminatedPid;
        String failedOut;
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            child.awaitLine(l -> l.startsWith("[plan]"), CHILD_TIMEOUT);
            Thread.sleep(bigWindowMillis / 5);
            terminatedPid = terminateACopyOfAccount(db, child);
            int exit = child.awaitExit(CHILD_TIMEOUT);
            assertThat(exit).as(child.all()).isEqualTo(1);
            assertThat(child.err()).as(child.all()).contains("re-run the same command to resume");
            assertThat(child.out()).as(child.all()).contains("[copy] account: FAILED after ");
            failedOut = child.out();
        }
        assertThat(terminatedPid).isPositive();

        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out())
                .as("the failed run recorded its failure itself, so it is not taken for a dead process")
                .doesNotContain("left running by a process that died")
                .contains("lost its connection while rolling back a chunk");
        assertTablesFinishedBeforeTheKillAreNotCopiedAgain(failedOut, resumed.out());
        assertResumedTablesAddUp(resumed.out());
        assertThat(TargetFingerprint.of(db, BigSource.SCHEMA)).isEqualTo(bigClean);
        assertNoRowLostOrDuplicated(db);
        assertThat(foreignKeys(db, BigSource.SCHEMA)).isEqualTo(bigCleanForeignKeys);
    }

    /** Terminates the backend of a COPY into account while it is inside its chunk's transaction; returns its pid. */
    private static int terminateACopyOfAccount(TestDatabase db, ChildCutover child) throws Exception {
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                                // The table's own name, quoted as lite2pg quotes it: entry's COPY names its column
                                // account_id.
                                + " AND pid <> pg_backend_pid() AND query LIKE 'COPY %.\"account\" (%'"
                                + " AND state IN ('active', 'idle in transaction')")) {
            try (Statement st = c.createStatement()) {
                st.execute("SET application_name = 'test'");
            }
            while (System.nanoTime() < deadline) {
                assertThat(child.isAlive())
                        .as("the child ended before a COPY could be terminated\n" + child.all())
                        .isTrue();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(2)) {
                            return rs.getInt(1);
                        }
                    }
                }
                Thread.sleep(2);
            }
        }
        throw new AssertionError("no COPY into account was seen to terminate\n" + child.all());
    }

    // -----------------------------------------------------------------------------------------------------------
    // 3. killed after the cycle's foreign keys were dropped, before they were added back

    @Test
    void aProcessKilledAfterDroppingTheCyclesForeignKeysRestoresThemOnResume(TestDatabase db) throws Exception {
        // One row per chunk makes the demo's copy last long enough to kill it between the drop and the restore.
        Path job = demoJob(db, "cycle", 1);
        String droppedLine;
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            droppedLine = child.awaitLine(l -> l.startsWith("[plan] deferred until after the copy"), CHILD_TIMEOUT);
            // The keys are dropped in the plan step's transaction: once a table is copied, that step has committed.
            child.awaitLine(l -> l.startsWith("[copy] "), CHILD_TIMEOUT);
            child.kill();
            assertThat(child.out()).as(child.all()).doesNotContain("[constraints]");
        }
        String cycle = droppedLine.substring(
                droppedLine.indexOf("including the cycle ") + "including the cycle ".length(),
                droppedLine.lastIndexOf("; "));
        List<String> dropped = Arrays.asList(cycle.split(", "));
        assertThat(dropped).isNotEmpty().allMatch(k -> k.matches("\\w+\\.\\w+"));
        awaitNoOtherSession(db);
        assertThat(lastJobStatus(db)).isEqualTo("STARTED");
        Set<String> present = foreignKeyNames(db, "demo");
        assertThat(present).as("the kill fell between the drop and the restore").doesNotContainAnyElementsOf(dropped);

        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("[recover] run ").contains("foreign key(s) re-added and validated in ");
        for (String key : dropped) {
            assertThat(resumed.out()).contains(key);
        }
        Set<String> keys = foreignKeys(db, "demo");
        assertThat(keys).isEqualTo(demoCleanForeignKeys);
        assertThat(foreignKeyNames(db, "demo")).containsAll(dropped);
        assertThat(keys).allMatch(k -> k.endsWith(" validated"));
        assertThat(TargetFingerprint.of(db, "demo")).isEqualTo(demoClean);
    }

    // -----------------------------------------------------------------------------------------------------------
    // 4. two processes on the same job at once

    @Test
    void aSecondProcessOnTheSameJobIsRefusedAndTouchesNothing(TestDatabase db) throws Exception {
        // Smaller chunks make the first run slow enough for the second to start while it copies.
        Path job = bigJob(db, "concurrent", 500);
        Path jobRuns = work.resolve("runs-concurrent").resolve("big");
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            child.awaitLine(l -> l.startsWith("[plan]"), CHILD_TIMEOUT);
            String before = repositorySnapshot(db);

            CliRun second = CliRun.of(db.environment(), "cutover", "--job", job.toString());

            String after = repositorySnapshot(db);
            assertThat(child.isAlive())
                    .as("the first run must still be copying, or this test proves nothing\n" + child.all())
                    .isTrue();
            assertThat(second.exitCode()).as(second.all()).isEqualTo(2);
            assertThat(second.err())
                    .contains("another lite2pg process is running job big")
                    .contains("nothing was touched");
            assertThat(second.out())
                    .doesNotContain("[preflight]")
                    .doesNotContain("[plan]")
                    .doesNotContain("[copy]");
            assertThat(after)
                    .as("the refused run created no job instance or execution")
                    .isEqualTo(before);

            int exit = child.awaitExit(CHILD_TIMEOUT);
            assertThat(exit).as(child.all()).isZero();
            Matcher report = Pattern.compile("Report: (\\S+)").matcher(child.out());
            assertThat(report.find()).as(child.out()).isTrue();
            Path childRunFolder = Path.of(report.group(1)).getParent();
            try (Stream<Path> folders = Files.list(jobRuns)) {
                List<Path> others =
                        folders.filter(f -> !f.equals(childRunFolder)).toList();
                assertThat(others).as("the refused run's folder").hasSizeLessThanOrEqualTo(1);
                for (Path other : others) {
                    assertThat(other.resolve("report.md")).doesNotExist();
                    assertThat(other.resolve("report.json")).doesNotExist();
                }
            }
        }
        assertThat(TargetFingerprint.of(db, BigSource.SCHEMA)).isEqualTo(bigClean);
        assertNoRowLostOrDuplicated(db);
        assertThat(foreignKeys(db, BigSource.SCHEMA)).isEqualTo(bigCleanForeignKeys);
    }

    // -----------------------------------------------------------------------------------------------------------
    // helpers

    private static Path bigJob(TestDatabase db, String name, int chunkSize) throws Exception {
        return JobFile.named("big")
                .source(bigSource)
                .target(db)
                .schema(BigSource.SCHEMA)
                .migrations(bigMigrations)
                .chunkSize(chunkSize)
                .output(work.resolve("runs-" + name))
                .writeTo(work.resolve("big-" + name + ".yml"));
    }

    private static Path demoJob(TestDatabase db, String name) throws Exception {
        return demoJob(db, name, 50);
    }

    private static Path demoJob(TestDatabase db, String name, int chunkSize) throws Exception {
        return JobFile.demo(demoSource, db)
                .chunkSize(chunkSize)
                .output(work.resolve("runs-demo-" + name))
                .writeTo(work.resolve("demo-" + name + ".yml"));
    }

    /**
     * A killed process's sessions end when PostgreSQL reads the closed socket; until then its run lock may still
     * be held. An operator re-running by hand never sees that window, a test starting within milliseconds could.
     */
    private static long awaitNoOtherSession(TestDatabase db) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the killed process's sessions were still open after 30 s");
    }

    private static String lastJobStatus(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT status FROM lite2pg.batch_job_execution ORDER BY job_execution_id DESC LIMIT 1")) {
            assertThat(rs.next()).as("a job execution exists").isTrue();
            return rs.getString(1);
        }
    }

    /** Every job instance and execution the repository holds, with its status and version. */
    private static String repositorySnapshot(TestDatabase db) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            try (ResultSet rs =
                    st.executeQuery("SELECT job_instance_id, job_name FROM lite2pg.batch_job_instance ORDER BY 1")) {
                while (rs.next()) {
                    text.append("instance ")
                            .append(rs.getLong(1))
                            .append(' ')
                            .append(rs.getString(2))
                            .append('\n');
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT job_execution_id, job_instance_id FROM lite2pg.batch_job_execution ORDER BY 1")) {
                while (rs.next()) {
                    text.append("execution ")
                            .append(rs.getLong(1))
                            .append(" of ")
                            .append(rs.getLong(2))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Tables the killed run had finished print nothing on resume: Spring Batch skips their completed steps. */
    private static void assertTablesFinishedBeforeTheKillAreNotCopiedAgain(String killedOut, String resumedOut) {
        Matcher finished = TABLE_DONE.matcher(killedOut);
        while (finished.find()) {
            assertThat(resumedOut)
                    .as("table " + finished.group(1) + " finished before the kill")
                    .doesNotContain("[copy] " + finished.group(1) + ":");
        }
    }

    /** A resumed table: the rows already copied plus the rows copied now make the table, exactly. */
    private static void assertResumedTablesAddUp(String resumedOut) {
        Matcher resuming = RESUMING.matcher(resumedOut);
        while (resuming.find()) {
            String table = resuming.group(1);
            long before = Long.parseLong(resuming.group(2).replace(",", ""));
            long total = Long.parseLong(resuming.group(3).replace(",", ""));
            assertThat(total).isEqualTo(BIG_COUNTS.get(table));
            Matcher done = Pattern.compile("\\[copy] " + table + ": ([\\d,]+) rows \\(([\\d,]+) in this run\\)")
                    .matcher(resumedOut);
            assertThat(done.find()).as(resumedOut).isTrue();
            assertThat(Long.parseLong(done.group(1).replace(",", ""))).isEqualTo(total);
            assertThat(before + Long.parseLong(done.group(2).replace(",", "")))
                    .as("rows before the kill + rows of the resume, " + table)
                    .isEqualTo(total);
        }
    }

    private static void assertNoRowLostOrDuplicated(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (Map.Entry<String, Long> table : BIG_COUNTS.entrySet()) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM big." + table.getKey())) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rows of " + table.getKey()).isEqualTo(table.getValue());
                    assertThat(rs.getLong(2))
                            .as("distinct ids of " + table.getKey())
                            .isEqualTo(table.getValue());
                    assertThat(rs.getLong(3)).isEqualTo(1);
                    assertThat(rs.getLong(4)).isEqualTo(table.getValue());
                }
            }
        }
    }

    /** Every foreign key of the schema: table, name, definition, and whether PostgreSQL has validated it. */
    private static Set<String> foreignKeys(TestDatabase db, String schema) throws Exception {
        Set<String> keys = new TreeSet<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated"
                                + " FROM pg_constraint WHERE contype = 'f' AND connamespace = '" + schema
                                + "'::regnamespace")) {
            while (rs.next()) {
                keys.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3)
                        + (rs.getBoolean(4) ? " validated" : " NOT VALIDATED"));
            }
        }
        return keys;
    }

    /** The foreign keys present, as {@code table.name} the way the [plan] line prints them. */
    private static Set<String> foreignKeyNames(TestDatabase db, String schema) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT c.relname, con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                                + " WHERE con.contype = 'f' AND con.connamespace = '" + schema + "'::regnamespace")) {
            while (rs.next()) {
                names.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return names;
    }
}
