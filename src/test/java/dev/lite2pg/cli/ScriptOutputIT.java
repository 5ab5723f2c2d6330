package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a script and a quiet operator get from {@code cutover}, {@code dry-run} and {@code check}: with --json, standard
 * output is exactly one JSON document (verdict, exit code, where the reports are), the lines people read on standard
 * error; with --quiet, only the closing line. And what the report says about the run itself.
 */
@ExtendWith(TestDatabaseExtension.class)
class ScriptOutputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestDatabase db;

    @TempDir
    Path work;

    private static final String MIGRATION = """
            CREATE TABLE parent (id integer PRIMARY KEY, amount integer NOT NULL);
            CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id));
            """;

    @Test
    void cutoverJsonIsOneDocumentOnStdoutNamingTheVerdictExitCodeAndReportsThenAlreadyCompleted() throws Exception {
        Path source = source("good.sqlite", 0);
        Path job = job("json-cutover", source, "json_cutover");

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode document = JSON.readTree(run.out());
        assertThat(document.get("command").asString()).isEqualTo("cutover");
        assertThat(document.get("exitCode").asInt()).isZero();
        assertThat(document.get("verdict").asString()).isEqualTo("PASS");
        assertThat(document.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(document.get("error").isNull()).isTrue();
        Path reportJson = Path.of(document.get("report").get("json").asString());
        assertThat(reportJson).exists();
        assertThat(Path.of(document.get("report").get("html").asString())).exists();
        assertThat(Path.of(document.get("log").asString())).exists();
        assertThat(run.err())
                .as("the lines people read")
                .contains("[copy] parent")
                .contains("validation PASS");

        JsonNode report = JSON.readTree(reportJson.toFile());
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("sourceFileSha256").asString())
                .as("the file's own hash, as sha256sum prints it")
                .isEqualTo(SourceFingerprint.sha256(source));
        assertThat(report.get("snapshotSha256").asString())
                .as("the snapshot is SQLite's backup of the file: its own bytes")
                .hasSize(64);
        assertThat(report.get("facts").get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("facts").get("resumed").asBoolean()).isFalse();
        assertThat(report.get("facts").get("durationMillis").asLong()).isPositive();
        assertThat(report.get("facts").get("version").asString()).isNotBlank();
        String md = Files.readString(reportJson.resolveSibling("report.md"));
        assertThat(md)
                .startsWith("# lite2pg cutover report: json-cutover")
                .contains("**Verdict: PASS** (exit code 0)")
                .contains("| source file sha256 | `" + SourceFingerprint.sha256(source) + "` |")
                .contains("| resumed an earlier run | no |");

        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--json");

        assertThat(again.exitCode()).as(again.all()).isZero();
        JsonNode done = JSON.readTree(again.out());
        assertThat(done.get("status").asString()).isEqualTo("ALREADY_COMPLETED");
        assertThat(done.get("exitCode").asInt()).isZero();
    }

    @Test
    void quietCutoverPrintsOnlyItsClosingLine() throws Exception {
        Path job = job("quiet-cutover", source("quiet.sqlite", 0), "quiet_cutover");

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines().toList())
                .singleElement()
                .asString()
                .startsWith("lite2pg: cutover finished, validation PASS. Report: ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void verboseShowsTheRunsLogOnStandardErrorAndLeavesStandardOutputToTheJsonDocument() throws Exception {
        Path job = job("verbose-cutover", source("verbose.sqlite", 0), "verbose_cutover");
        java.io.PrintStream realOut = System.out;
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream processOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream processErr = new java.io.ByteArrayOutputStream();
        CliRun run;
        try {
            System.setOut(new java.io.PrintStream(processOut, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(processErr, true, java.nio.charset.StandardCharsets.UTF_8));
            run = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--json", "--verbose");
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(JSON.readTree(run.out()).get("verdict").asString()).isEqualTo("PASS");
        String log = processErr.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log)
                .as("Spring Batch's own INFO lines, as lite2pg.log has them")
                .contains("INFO")
                .contains("Step: [");
        assertThat(processOut.toString(java.nio.charset.StandardCharsets.UTF_8))
                .as("no log line on standard output")
                .doesNotContain("INFO");
    }

    @Test
    void dryRunJsonOfFiveBadParentsCountsTheirChildrenApartAndIsTitledAsADryRun() throws Exception {
        Path job = job("json-dry-run", source("bad.sqlite", 5), "json_dry_run");

        CliRun run = CliRun.of(db.environment(), "dry-run", "--job", job.toString(), "--json");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        JsonNode document = JSON.readTree(run.out());
        assertThat(document.get("command").asString()).isEqualTo("dry-run");
        assertThat(document.get("exitCode").asInt()).isEqualTo(3);
        assertThat(document.get("verdict").asString()).isEqualTo("FAIL");
        Path reportJson = Path.of(document.get("report").get("json").asString());
        JsonNode report = JSON.readTree(reportJson.toFile());
        assertThat(report.get("facts").get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("exitCode").asInt()).isEqualTo(3);
        List<String> problems =
                report.get("problems").valueStream().map(JsonNode::asString).toList();
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("5 source row(s) would stop the cutover (on-bad-row: fail)")
                        .endsWith(
                                "; 10 more row(s) were set aside only because their parent row is not in the target"));
        assertThat(report.get("warnings").valueStream().map(JsonNode::asString))
                .as("the dry-run dropped its quarantine table: nothing may send the operator there")
                .noneMatch(w -> w.contains("quarantined instead of copied"));
        assertThat(Files.readString(reportJson.resolveSibling("report.md")))
                .startsWith("# lite2pg dry-run report (a rehearsal, not the cutover): json-dry-run.dry-run");
        assertThat(Files.readString(reportJson.resolveSibling("report.html")))
                .contains("<h1>lite2pg dry-run report (a rehearsal, not the cutover): json-dry-run.dry-run</h1>");
    }

    @Test
    void checkJsonCarriesItsVerdictAndARefusalCarriesItsExitCodeAndMessage() throws Exception {
        Path job = job("json-check", source("check.sqlite", 2), "json_check");

        CliRun run = CliRun.of(db.environment(), "check", "--job", job.toString(), "--json");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        JsonNode document = JSON.readTree(run.out());
        assertThat(document.get("command").asString()).isEqualTo("check");
        assertThat(document.get("exitCode").asInt()).isEqualTo(3);
        assertThat(document.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(Path.of(document.get("report").get("json").asString())).exists();
        assertThat(Path.of(document.get("badValues").asString())).exists();
        assertThat(run.err()).contains("[check]");

        Path missing = job("json-missing", work.resolve("no-such.sqlite"), "json_missing");
        CliRun refused = CliRun.of(db.environment(), "cutover", "--job", missing.toString(), "--json");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        JsonNode refusal = JSON.readTree(refused.out());
        assertThat(refusal.get("exitCode").asInt()).isEqualTo(2);
        assertThat(refusal.get("verdict").isNull()).isTrue();
        assertThat(refusal.get("error").asString()).contains("no-such.sqlite");
    }

    /** Ten parents and two children each; the first {@code bad} parents hold text where the target wants a number. */
    private Path source(String name, int bad) throws Exception {
        Path file = work.resolve(name);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(file)) {
            sqlite.sql(
                    "CREATE TABLE parent (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)",
                    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id))");
            for (int id = 1; id <= 10; id++) {
                sqlite.rows(
                        "INSERT INTO parent VALUES (?, ?)",
                        EdgeCaseDatabase.row(id, id <= bad ? "twelve" : (Object) (id * 100)));
                sqlite.rows(
                        "INSERT INTO child VALUES (?, ?)",
                        EdgeCaseDatabase.row(id * 2, id),
                        EdgeCaseDatabase.row(id * 2 + 1, id));
            }
        }
        return file;
    }

    private Path job(String name, Path source, String schema) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql-" + name), MIGRATION);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }
}
