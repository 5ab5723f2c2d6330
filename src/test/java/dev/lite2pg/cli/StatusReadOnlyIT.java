package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lite2pg status} only reads: on a target no run ever used it creates nothing and says so, and it tells a run
 * whose process is alive from one whose process was killed, naming the tables that were being copied and showing
 * those never reached as not started.
 */
@ExtendWith(TestDatabaseExtension.class)
class StatusReadOnlyIT {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    @Test
    void onATargetNeverUsedItCreatesNothingAndSaysNoRunExists(TestDatabase db) throws Exception {
        Path source = work.resolve("unused.sqlite");
        DemoDatabase.create(source);
        Path job = JobFile.demo(source, db).output(work.resolve("runs-unused")).writeTo(work.resolve("unused.yml"));
        List<String> before = catalog(db);

        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString());
        CliRun json = CliRun.of(db.environment(), "status", "--job", job.toString(), "--json");

        assertThat(catalog(db)).as("schemas and relations after status").isEqualTo(before);
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .startsWith("no run of job demo exists in this target: it has no job repository (schema lite2pg"
                        + " holds none; status created nothing): ")
                .contains("schema=demo");
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode document = JSON.readTree(json.out());
        assertThat(document.get("state").asString()).isEqualTo("NONE");
        assertThat(document.get("job").asString()).isEqualTo("demo");
        assertThat(document.get("runs").size()).isZero();
    }

    @Test
    void aRunningCopyIsRunningAndOnceItsProcessIsKilledItDiedInTheTablesItWasCopying(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        // One row per chunk makes the demo's copy last long enough to look at it while it runs.
        Path job = JobFile.demo(source, db)
                .chunkSize(1)
                .output(work.resolve("runs-live"))
                .writeTo(work.resolve("live.yml"));
        JsonNode running;
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            running = awaitACopyRunning(db, job, child);
            child.kill();
        }
        JsonNode execution = running.get("runs").get(0).get("executions").get(0);
        assertThat(running.get("state").asString()).isEqualTo("RUNNING");
        assertThat(execution.get("status").asString()).isEqualTo("RUNNING");
        assertThat(execution.get("note").asString()).contains("holds the job's run lock: it is running now");
        assertThat(execution.get("stoppedIn").asString()).startsWith("copy:");
        assertThat(execution.get("runFolder").asString())
                .startsWith(work.resolve("runs-live").toString());

        awaitNoOtherSession(db);
        Map<String, String> steps = copyStepStatuses(db);
        assertThat(steps).as("the kill fell while tables were copied").containsValue("STARTED");

        CliRun text = CliRun.of(db.environment(), "status", "--job", job.toString());
        CliRun json = CliRun.of(db.environment(), "status", "--job", job.toString(), "--json");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode died = JSON.readTree(json.out());
        assertThat(died.get("state").asString()).isEqualTo("DIED");
        JsonNode run = died.get("runs").get(0);
        JsonNode last = run.get("executions").get(0);
        assertThat(last.get("status").asString()).isEqualTo("DIED");
        assertThat(last.get("note").asString()).contains("no process holds the job's run lock: its process died");

        // What the repository itself holds: a step STARTED was copying when the process died; one only STARTING was
        // created by the partition manager and never ran.
        Set<String> copying = new HashSet<>();
        for (JsonNode table : run.get("tables")) {
            String step = "copy:" + table.get("table").asString();
            String recorded = steps.get(step);
            assertThat(recorded).as(step + " in the repository").isNotNull();
            if (recorded.equals("STARTED")) {
                copying.add(step);
                assertThat(table.get("status").asString()).as(table.toString()).isEqualTo("INTERRUPTED");
            } else if (recorded.equals("STARTING")) {
                assertThat(table.get("status").asString()).as(table.toString()).isEqualTo("NOT_STARTED");
                assertThat(table.get("copied").asLong()).as(table.toString()).isZero();
            } else {
                assertThat(table.get("status").asString()).as(table.toString()).isEqualTo(recorded);
            }
        }
        assertThat(Set.of(last.get("stoppedIn").asString().split(", "))).isEqualTo(copying);
        assertThat(text.out())
                .containsPattern("(?m)^job demo into .*: 1 run, newest first; now DIED$")
                .containsPattern("(?m)^  " + last.get("id").asLong() + " .* DIED +"
                        + Pattern.quote(last.get("stoppedIn").asString()) + " +"
                        + Pattern.quote(last.get("note").asString()) + "$");
        if (steps.containsValue("STARTING")) {
            assertThat(text.out()).containsPattern("(?m)^  \\w+ +\\w+ +0 +[1-9]\\d* +NOT_STARTED$");
        }
    }

    @Test
    void afterSigtermMidCopyNoTableIsRunningAndTablesNeverReachedAreNotStarted(TestDatabase db) throws Exception {
        Path source = work.resolve("term.sqlite");
        DemoDatabase.create(source);
        Path job = JobFile.demo(source, db)
                .chunkSize(1)
                .output(work.resolve("runs-term"))
                .writeTo(work.resolve("term.yml"));
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            awaitACopyRunning(db, job, child);
            // SIGTERM, as kill PID or a service manager stops it (Ctrl-C's SIGINT runs the same shutdown hooks).
            child.terminate(CHILD_TIMEOUT);
        }
        awaitNoOtherSession(db);
        Map<String, String> steps = copyStepStatuses(db);

        CliRun json = CliRun.of(db.environment(), "status", "--job", job.toString(), "--json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode document = JSON.readTree(json.out());
        assertThat(document.get("state").asString()).as(json.out()).isNotEqualTo("RUNNING");
        JsonNode run = document.get("runs").get(0);
        for (JsonNode table : run.get("tables")) {
            String step = "copy:" + table.get("table").asString();
            assertThat(table.get("status").asString()).as(table.toString()).isNotEqualTo("RUNNING");
            if ("STARTING".equals(steps.get(step))) {
                assertThat(table.get("status").asString()).as(table.toString()).isEqualTo("NOT_STARTED");
                assertThat(table.get("copied").asLong()).as(table.toString()).isZero();
            }
        }
        JsonNode stoppedIn = run.get("executions").get(0).get("stoppedIn");
        if (stoppedIn != null && !stoppedIn.isNull()) {
            for (String step : stoppedIn.asString().split(", ")) {
                assertThat(steps.get(step))
                        .as(step + " named as where the run stopped")
                        .isNotEqualTo("STARTING");
            }
        }
    }

    /** Asks status until it shows a table being copied; fails if the child ends first. */
    private static JsonNode awaitACopyRunning(TestDatabase db, Path job, ChildCutover child) throws Exception {
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline && child.isAlive()) {
            CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString(), "--json");
            last = status.all();
            if (status.exitCode() == 0) {
                JsonNode document = JSON.readTree(status.out());
                if (document.get("runs").size() > 0) {
                    for (JsonNode table : document.get("runs").get(0).get("tables")) {
                        if (table.get("status").asString().equals("RUNNING")
                                && table.get("copied").asLong() > 0) {
                            return document;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("status never showed a table being copied; last status:\n" + last + child.all());
    }

    private static Map<String, String> copyStepStatuses(TestDatabase db) throws Exception {
        Map<String, String> steps = new TreeMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT step_name, status FROM lite2pg.batch_step_execution"
                        + " WHERE step_name LIKE 'copy:%' AND job_execution_id ="
                        + " (SELECT max(job_execution_id) FROM lite2pg.batch_job_execution)")) {
            while (rs.next()) {
                steps.put(rs.getString(1), rs.getString(2));
            }
        }
        return steps;
    }

    /** Every schema and relation of the database, and the job repository's rows if it has any. */
    private static List<String> catalog(TestDatabase db) throws Exception {
        List<String> catalog = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT n.nspname || '.' || coalesce(r.relname, '') FROM pg_namespace n"
                        + " LEFT JOIN pg_class r ON r.relnamespace = n.oid ORDER BY 1")) {
            while (rs.next()) {
                catalog.add(rs.getString(1));
            }
        }
        return catalog;
    }

    private static void awaitNoOtherSession(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the killed process's sessions were still open after 30 s");
    }
}
