package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lite2pg status} against a real job repository, through the life of one job: no run yet, a run stopped by an
 * injected fault in the middle of a table, then the re-run that completes it.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusIT {

    private static final String FAULT = PropertyFaultPoints.PROPERTY;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    private static TestDatabase db;
    private static Path job;

    @BeforeAll
    static void setUp() throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        job = JobFile.demo(source, db).chunkSize(7).output(work.resolve("runs")).writeTo(work.resolve("demo.yml"));
    }

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @Test
    @Order(1)
    void beforeAnyRunItSaysSoAndSucceeds() throws Exception {
        CliRun status = status();
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .startsWith("no run of job demo exists in this target: it has no job repository")
                .contains("schema=demo");

        JsonNode json = JSON.readTree(status("--json").out());
        assertThat(json.get("job").asString()).isEqualTo("demo");
        assertThat(json.get("state").asString()).isEqualTo("NONE");
        assertThat(json.get("runs").size()).isZero();
    }

    @Test
    @Order(2)
    void aFailedRunShowsWhereItStoppedWhyAndHowFarEachTableGot() throws Exception {
        System.setProperty(FAULT, "chunk:customer:9");
        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "1");
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);

        CliRun status = status();
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .contains("1 run, newest first")
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  FAILED$")
                .containsPattern(
                        "(?m)^  \\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\S+ \\S+ +FAILED +copy:customer +.*"
                                + "injected fault after writing chunk 9 of customer, before its commit")
                .containsPattern("(?m)^  customer +Customer +56 +117 +FAILED$")
                .containsPattern("(?m)^  \\w+ +\\w+ +0 +[1-9]\\d* +NOT_STARTED$");
        assertNoPassword(status);

        JsonNode run = onlyRun(status("--json"));
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("sourceSha256").asString()).hasSize(64);
        JsonNode execution = run.get("executions").get(0);
        assertThat(execution.get("status").asString()).isEqualTo("FAILED");
        assertThat(execution.get("stoppedIn").asString()).isEqualTo("copy:customer");
        assertThat(execution.get("error").asString()).contains("injected fault after writing chunk 9 of customer");
        assertThat(execution.get("started").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        JsonNode customer = table(run, "customer");
        assertThat(customer.get("sourceTable").asString()).isEqualTo("Customer");
        assertThat(customer.get("copied").asLong()).isEqualTo(56);
        assertThat(customer.get("total").asLong()).isEqualTo(117);
        assertThat(customer.get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    @Order(3)
    void afterTheResumedRunTheNewestExecutionIsCompletedAndEveryTableIsCopied() throws Exception {
        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();

        CliRun status = status();
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  COMPLETED$")
                .containsPattern("(?m)^  customer +Customer +117 +117 +COMPLETED$")
                .doesNotContain("? = unknown");

        JsonNode document = JSON.readTree(status("--json").out());
        assertThat(document.get("state").asString()).isEqualTo("COMPLETED");
        JsonNode run = onlyRun(status("--json"));
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode executions = run.get("executions");
        assertThat(executions.get(0).get("verdict").asString()).isEqualTo("PASS");
        assertThat(Path.of(executions.get(0).get("runFolder").asString()).resolve("report.json"))
                .isRegularFile();
        assertThat(status.out())
                .contains("log and reports of execution "
                        + executions.get(0).get("id").asLong() + ": "
                        + executions.get(0).get("runFolder").asString() + " (verdict PASS)");
        assertThat(executions.size()).isEqualTo(2);
        assertThat(executions.get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(executions.get(0).get("id").asLong())
                .isGreaterThan(executions.get(1).get("id").asLong());
        assertThat(executions.get(1).get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("tables").size()).isGreaterThanOrEqualTo(5);
        for (JsonNode table : run.get("tables")) {
            assertThat(table.get("status").asString()).as(table.toString()).isEqualTo("COMPLETED");
            assertThat(table.get("total").isNumber()).as(table.toString()).isTrue();
            assertThat(table.get("copied").asLong())
                    .as(table.toString())
                    .isEqualTo(table.get("total").asLong());
        }
        assertThat(table(run, "customer").get("copied").asLong()).isEqualTo(117);
    }

    @Test
    @Order(4)
    void anExecutionLeftRunningByNoProcessIsShownAsDiedWithWhatThatMeans() throws Exception {
        // What a process killed mid-run leaves behind: its execution still marked running, with no end time.
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate(
                    "UPDATE lite2pg.batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL"
                            + " WHERE job_execution_id = (SELECT max(job_execution_id) FROM lite2pg.batch_job_execution)");
        }
        CliRun status = status();
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  DIED$")
                .containsPattern(
                        "(?m)^  \\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +- +DIED +marked running, but no"
                                + " process holds the job's run lock: its process died \\(killed, Ctrl-C, crash\\); the next"
                                + " cutover marks it FAILED and resumes it$");

        JsonNode execution = onlyRun(status("--json")).get("executions").get(0);
        assertThat(execution.get("status").asString()).isEqualTo("DIED");
        assertThat(execution.get("note").asString())
                .startsWith("marked running, but no process holds the job's run lock");
        assertThat(execution.get("ended").isNull()).isTrue();
    }

    @Test
    @Order(5)
    void anUnreachableTargetExitsOneAndABadJobFileTwo() {
        CliRun unreachable = status("--target-url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(unreachable.exitCode()).as(unreachable.all()).isEqualTo(1);
        assertThat(unreachable.err())
                .contains("cannot read the job repository in jdbc:postgresql://127.0.0.1:1/nowhere");

        CliRun missing = CliRun.of(
                db.environment(), "status", "--job", work.resolve("missing.yml").toString());
        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(2);
        assertThat(missing.err()).contains("not found");
    }

    private static CliRun status(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "status";
        args[1] = "--job";
        args[2] = job.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(db.environment(), args);
    }

    private static JsonNode onlyRun(CliRun status) {
        assertThat(status.exitCode()).as(status.all()).isZero();
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("target").asString()).endsWith("schema=demo");
        assertThat(json.get("runs").size()).isEqualTo(1);
        return json.get("runs").get(0);
    }

    private static JsonNode table(JsonNode run, String name) {
        for (JsonNode table : run.get("tables")) {
            if (table.get("table").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + run);
    }

    private static void assertNoPassword(CliRun run) {
        if (db.password() != null && !db.password().isEmpty()) {
            assertThat(run.all()).doesNotContain(db.password());
        }
    }
}
