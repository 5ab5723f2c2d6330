package dev.lite2pg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lite2pg.cli.CliRun;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover of the demo with {@code metrics.pushgateway} set, against a real Pushgateway (Debian's
 * prometheus-pushgateway) started for the test: what the gateway then serves to Prometheus must hold every table's
 * rows. Without the binary the test is skipped, except where LITE2PG_REQUIRE_PUSHGATEWAY=1 (CI sets it).
 */
@ExtendWith(TestDatabaseExtension.class)
class PushgatewayIT {

    private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Pattern ROWS_WRITTEN = Pattern.compile("(?m)^lite2pg_rows_written_total\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @TempDir
    Path work;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process gateway;
    private int port;

    @BeforeEach
    void startPushgateway() throws Exception {
        if (!Files.isExecutable(PUSHGATEWAY)) {
            String message = PUSHGATEWAY + " not found (apt-get install prometheus-pushgateway)";
            if ("1".equals(System.getenv("LITE2PG_REQUIRE_PUSHGATEWAY"))) {
                fail(message + "; LITE2PG_REQUIRE_PUSHGATEWAY=1 forbids skipping");
            }
            Assumptions.abort(message);
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        gateway = new ProcessBuilder(PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("pushgateway.log").toFile())
                .start();
        awaitReady();
    }

    @AfterEach
    void stopPushgateway() throws Exception {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aCutoverPushesEveryTablesRowsWrittenAndSpringBatchsStepTimers(TestDatabase db) throws Exception {
        CliRun run = CliRun.of(db.environment(), "cutover", "--job", jobFile(db).toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("[metrics] pushed to the Pushgateway http://127.0.0.1:" + port + " as job demo");
        String served = get("/metrics");
        assertThat(rowsWritten(served, "demo")).as(served).isEqualTo(expectedRowsByTargetTable());
        assertThat(served)
                .containsPattern("(?m)^lite2pg_chunk_seconds_count\\{[^}]*table=\"customer\"[^}]*} 17$")
                .containsPattern("(?m)^spring_batch_step_seconds_count\\{[^}]*\"copy:order_line\"[^}]*} 1$")
                .containsPattern("(?m)^spring_batch_job_seconds_count\\{[^}]*\"demo\"[^}]*} 1$");
    }

    @Test
    void outputThatIsNotATerminalGetsAPlainFinalLinePerTableWithItsRate(TestDatabase db) throws Exception {
        CliRun run = CliRun.of(db.environment(), "cutover", "--job", jobFile(db).toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        for (Map.Entry<String, Long> table : DemoDatabase.ROW_COUNTS.entrySet()) {
            String rows = String.format(java.util.Locale.ROOT, "%,d", table.getValue());
            assertThat(run.out())
                    .containsPattern("(?m)^"
                            + Pattern.quote("[copy] " + table.getKey() + " -> " + targetName(table.getKey()) + ": "
                                    + rows + " rows (" + rows + " in this run), ")
                            + "[\\d,.]+ rows/s over [\\d.:]+( s)?$");
        }
        assertThat(run.out()).as("no cursor movement outside a terminal").doesNotContain("\u001B[");
        Path metricsJson = Files.walk(work.resolve("runs"))
                .filter(p -> p.endsWith("metrics.json"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readString(metricsJson))
                .contains("\"table\" : \"order_line\"")
                .contains("\"rowsWritten\" : 375");
    }

    /** The demo's row counts under the target's names. */
    private static Map<String, Long> expectedRowsByTargetTable() {
        Map<String, Long> expected = new LinkedHashMap<>();
        DemoDatabase.ROW_COUNTS.forEach((table, rows) -> expected.put(targetName(table), rows));
        return expected;
    }

    /** As the job's automatic mapping names it: Customer -> customer, OrderLine -> order_line. */
    private static String targetName(String sourceTable) {
        return sourceTable.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toLowerCase(Locale.ROOT);
    }

    /** {@code table -> rows} of the lite2pg_rows_written_total samples pushed for the given job. */
    private static Map<String, Long> rowsWritten(String served, String job) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Matcher sample = ROWS_WRITTEN.matcher(served);
        while (sample.find()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(1));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            if (job.equals(labels.get("job"))) {
                rows.put(labels.get("table"), (long) Double.parseDouble(sample.group(2)));
            }
        }
        return rows;
    }

    private Path jobFile(TestDatabase db) throws IOException {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        return JobFile.demo(source, db)
                .extra("metrics:\n  pushgateway: \"http://127.0.0.1:" + port + "\"\n")
                .chunkSize(7)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("demo.yml"));
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(gateway.isAlive())
                    .as("the Pushgateway exited: " + Files.readString(work.resolve("pushgateway.log")))
                    .isTrue();
            try {
                if (http.send(request("/-/ready"), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        fail("the Pushgateway was not ready within " + STARTUP + ": "
                + Files.readString(work.resolve("pushgateway.log")));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
    }
}
