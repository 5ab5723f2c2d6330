package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as an operator first meets it: help, usage mistakes and job-file mistakes. None of these may reach a
 * database, so they run without one; each must end with the documented exit code and a message naming what is wrong.
 */
class CliUsageTest {

    private static final Map<String, String> NO_PASSWORD = Map.of();

    @TempDir
    Path work;

    @Test
    void helpListsTheCommandsAndEveryExitCode() {
        CliRun run = CliRun.of(NO_PASSWORD, "--help");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("cutover")
                .contains("demo")
                .contains("Exit codes")
                .containsPattern("(?m)^\\s*0\\s+\\S")
                .containsPattern("(?m)^\\s*1\\s+\\S")
                .containsPattern("(?m)^\\s*2\\s+\\S")
                .containsPattern("(?m)^\\s*3\\s+\\S")
                .contains("LITE2PG_TARGET_PASSWORD");
    }

    @Test
    void cutoverHelpExplainsEveryOptionAndWhereThePasswordComesFrom() {
        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--help");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("--job")
                .contains("--source")
                .contains("--target-url")
                .contains("--target-schema")
                .contains("LITE2PG_TARGET_PASSWORD");
    }

    @Test
    void demoHelpExitsZero() {
        CliRun run = CliRun.of(NO_PASSWORD, "demo", "--help");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("--job").contains("--target-url").contains("--target-schema");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of(NO_PASSWORD);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("cutover").contains("demo");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of(NO_PASSWORD, "migrate");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("migrate");
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() throws Exception {
        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", validJobFile().toString(), "--target-table", "x");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--target-table");
    }

    @Test
    void aMistypedOptionIsNamedWithTheOptionMeantNotOnlyWhatItLeftMissing() {
        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--jobb", "x");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains("unknown option '--jobb'")
                .contains("Did you mean --job?")
                .contains("Missing required option: '--job=FILE'");
        assertThat(run.err().indexOf("--jobb")).isLessThan(run.err().indexOf("Missing required"));
    }

    @Test
    void helpIsACommandForTheToolAndForEachCommand() {
        CliRun top = CliRun.of(NO_PASSWORD, "help");
        CliRun cutover = CliRun.of(NO_PASSWORD, "help", "cutover");

        assertThat(top.exitCode()).as(top.all()).isZero();
        assertThat(top.out()).contains("Commands:").contains("cutover").contains("Exit codes:");
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(cutover.out()).contains("Usage: lite2pg cutover").contains("--fresh");
    }

    @Test
    void everyCommandsSummaryIsAWholeSentenceAndNoHelpLineIsWiderThanPicocliWraps() {
        CliRun top = CliRun.of(NO_PASSWORD, "--help");
        String commands =
                top.out().substring(top.out().indexOf("Commands:"), top.out().indexOf("Exit codes:"));
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("(?m)^  ([a-z-]+)\\s+(.*(?:\\n {20,}.*)*)")
                .matcher(commands);
        int entries = 0;
        while (entry.find()) {
            entries++;
            String summary = entry.group(2).replaceAll("\\s+", " ").strip();
            assertThat(summary).as("summary of " + entry.group(1)).endsWith(".");
        }
        assertThat(entries).isEqualTo(9);
        for (String command : new String[] {
            "", "cutover", "catch-up", "dry-run", "check", "status", "draft-schema", "demo", "generate-benchmark"
        }) {
            CliRun run = command.isEmpty() ? top : CliRun.of(NO_PASSWORD, command, "--help");
            assertThat(run.out().lines())
                    .as(command + " --help")
                    .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
            assertThat(run.out())
                    .as(command + " --help: a sentence cut by a hard line break leaves a short line mid-paragraph")
                    .doesNotContainPattern("(?m)^[a-z(][^\\n]{0,40}[a-z,]$");
        }
    }

    @Test
    void cutoverWithoutJobIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.of(NO_PASSWORD, "cutover");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--job");
    }

    @Test
    void missingJobFileExitsTwoNamingThePath() {
        Path missing = work.resolve("nowhere").resolve("missing-job.yml");

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", missing.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(missing.toString());
    }

    @Test
    void jobFileThatIsNotYamlExitsTwoNamingTheFile() throws Exception {
        Path job = work.resolve("broken.yml");
        Files.writeString(job, "name: [unclosed\n");

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(job.toString()).contains("YAML");
    }

    @Test
    void chunkSizeZeroExitsTwoNamingTheKey() throws Exception {
        Path job = jobFile("chunk-size: 0\n");

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("chunk-size");
    }

    @Test
    void unknownTopLevelKeyExitsTwoNamingTheKey() throws Exception {
        Path job = jobFile("chunk_size: 100\n");

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("chunk_size");
    }

    @Test
    void unknownNestedKeyExitsTwoNamingItsFullKey() throws Exception {
        Path job = work.resolve("nested.yml");
        Files.writeString(job, """
                name: nested
                source:
                  path: app.sqlite
                target:
                  url: jdbc:postgresql://127.0.0.1:5432/app
                  user: app
                  host: db.example
                schema:
                  locations: [ "filesystem:sql" ]
                """);

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("target.host");
    }

    @Test
    void passwordInTheJobFileIsRefusedWithoutEchoingIt() throws Exception {
        Path job = work.resolve("password.yml");
        Files.writeString(job, """
                name: password
                source:
                  path: app.sqlite
                target:
                  url: jdbc:postgresql://127.0.0.1:5432/app
                  user: app
                  password: s3cr3t-in-file
                schema:
                  locations: [ "filesystem:sql" ]
                """);

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("target.password").contains("LITE2PG_TARGET_PASSWORD");
        assertThat(run.all()).doesNotContain("s3cr3t-in-file");
    }

    @Test
    void passwordInTheJobFileUrlIsRefusedWithoutEchoingIt() throws Exception {
        Path job = work.resolve("url-password.yml");
        Files.writeString(job, """
                name: url-password
                source:
                  path: app.sqlite
                target:
                  url: jdbc:postgresql://app:pa55word-in-url@127.0.0.1:5432/app
                  user: app
                schema:
                  locations: [ "filesystem:sql" ]
                """);

        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("target.url").contains("LITE2PG_TARGET_PASSWORD");
        assertThat(run.all()).doesNotContain("pa55word-in-url");
    }

    @Test
    void passwordParameterInTargetUrlIsRefusedWithoutEchoingIt() throws Exception {
        CliRun run = CliRun.of(
                NO_PASSWORD,
                "cutover",
                "--job",
                validJobFile().toString(),
                "--target-url",
                "jdbc:postgresql://h/db?password=secret");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("password").contains("LITE2PG_TARGET_PASSWORD");
        assertThat(run.all()).doesNotContain("secret");
    }

    @Test
    void passwordInTargetUrlUserInfoIsRefusedWithoutEchoingIt() throws Exception {
        CliRun run = CliRun.of(
                NO_PASSWORD,
                "cutover",
                "--job",
                validJobFile().toString(),
                "--target-url",
                "jdbc:postgresql://app:topsecret@h:5432/db");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("LITE2PG_TARGET_PASSWORD");
        assertThat(run.all()).doesNotContain("topsecret");
    }

    @Test
    void targetUrlThatIsNotPostgresIsAUsageError() throws Exception {
        CliRun run = CliRun.of(
                NO_PASSWORD, "cutover", "--job", validJobFile().toString(), "--target-url", "jdbc:mysql://h/db");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("jdbc:postgresql:");
    }

    @Test
    void emptyTargetSchemaIsAUsageError() throws Exception {
        CliRun run = CliRun.of(NO_PASSWORD, "cutover", "--job", validJobFile().toString(), "--target-schema", " ");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("schema");
    }

    private Path validJobFile() throws Exception {
        return jobFile("");
    }

    /** A job file that is valid apart from {@code extra}; the source need not exist, as nothing here gets that far. */
    private Path jobFile(String extra) throws Exception {
        return JobFile.named("usage")
                .source(Path.of("app.sqlite"))
                .target("jdbc:postgresql://127.0.0.1:5432/app", "app")
                .schema("app")
                .migrations(Path.of("sql"))
                .extra(extra)
                .writeTo(work.resolve("job.yml"));
    }
}
