package dev.lite2pg.cli;

import static dev.lite2pg.cli.EdgeCaseDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when the target, the job file or the migrations are wrong, through the real commands: the
 * documented exit code, a message naming what is wrong and where, and nothing written (no snapshot, no run folder)
 * when the cause could be found before the run began.
 */
@ExtendWith(TestDatabaseExtension.class)
class OperatorMessagesIT {

    private static final String MIGRATION = "CREATE TABLE item (id bigint PRIMARY KEY, name text NOT NULL);\n";

    @TempDir
    Path work;

    /** A folder as an application checkout has it: the job file, its source and its migrations side by side. */
    private Path app(String migration) throws Exception {
        Path app = Files.createDirectories(work.resolve("app"));
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(app.resolve("shop.sqlite"))) {
            sqlite.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)");
            sqlite.rows("INSERT INTO item VALUES (?, ?)", row(1, "wheel"), row(2, "chain"));
        }
        JobFile.migration(app.resolve("sql/shop"), migration);
        return app;
    }

    /** A job file in {@code app} whose paths are all relative to it, as jobs/*.yml write them. */
    private static Path job(Path app, String target) throws Exception {
        return Files.writeString(app.resolve("job.yml"), """
                name: shop
                source:
                  path: shop.sqlite
                %s
                schema:
                  locations: [ "filesystem:sql/shop" ]
                output: runs
                """.formatted(target));
    }

    private static List<Path> everythingUnder(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void anUnknownHostIsNamedAndNothingIsWrittenNoSnapshotNoRunFolder() throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "target: { url: \"jdbc:postgresql://nosuchhost.invalid:5432/shop\", user: app }");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err())
                .contains("unknown host 'nosuchhost.invalid'")
                .contains("jdbc:postgresql://nosuchhost.invalid:5432/shop")
                .contains("no snapshot was taken")
                .doesNotContain("The connection attempt failed");
        assertThat(everythingUnder(app.resolve("runs"))).isEmpty();
    }

    @Test
    void aRefusedConnectionNamesHostAndPort() throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "");

        CliRun run = CliRun.of(
                Map.of(), "cutover", "--job", job.toString(), "--target-url", "jdbc:postgresql://127.0.0.1:1/shop");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("connection to 127.0.0.1:1 refused").contains("no snapshot was taken");
        assertThat(everythingUnder(app.resolve("runs"))).isEmpty();
    }

    @Test
    void aMissingMigrationsFolderIsRefusedBeforeTheSnapshotAndTheFixedRunStarts(TestDatabase db) throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "target: { url: \"" + db.url() + "\", user: \"" + db.user() + "\" }");
        Files.move(app.resolve("sql/shop"), app.resolve("sql/elsewhere"));

        CliRun refused = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err())
                .contains("the migrations folder " + app.resolve("sql/shop") + " does not exist")
                .contains("no snapshot was taken");
        assertThat(everythingUnder(app.resolve("runs")))
                .as("no snapshot, no run folder")
                .isEmpty();

        Files.move(app.resolve("sql/elsewhere"), app.resolve("sql/shop"));
        CliRun fixed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(fixed.exitCode()).as(fixed.all()).isZero();
    }

    @Test
    void relativePathsMeanTheJobFilesFolderAndTargetUserSatisfiesATargetWithoutUser(TestDatabase db) throws Exception {
        Path app = app(MIGRATION);
        // The working directory of this JVM is the project, not app/: only the job file's folder can find these.
        Path job = job(app, "target: { url: \"" + db.url() + "\" }");

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--target-user", db.user());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("source " + app.resolve("shop.sqlite")).contains("as " + db.user());
        assertThat(everythingUnder(app.resolve("runs"))).anyMatch(p -> p.endsWith("report.md"));
        assertThat(db.rows("SELECT count(*) FROM public.item")).containsExactly(List.of("2"));
        Path log = everythingUnder(app.resolve("runs")).stream()
                .filter(p -> p.endsWith("lite2pg.log"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readString(log))
                .as("the copy step ran and logged")
                .contains("Executing step: [copy:item]")
                .doesNotContain("DEPRECATION");
    }

    @Test
    void withoutTargetUserATargetWithoutUserNamesEveryWayToGiveOne() throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "target: { url: \"jdbc:postgresql://127.0.0.1:1/shop\" }");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains("target.user: required with target.url (or give --target-user, or set LITE2PG_TARGET_USER)");
    }

    @Test
    void theTargetComesFromTheEnvironmentAsAPostgresqlUriAndItsPasswordIsNeverShown(TestDatabase db) throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "");
        // Trust authentication on the test server accepts any password: it only has to travel, never be shown.
        String uri = db.url().replace("jdbc:postgresql://", "postgresql://" + db.user() + ":s3cret%2Fin-uri@");
        Map<String, String> environment = new HashMap<>(Map.of("LITE2PG_TARGET_URL", uri));
        if (db.password() != null) {
            environment.put("LITE2PG_TARGET_PASSWORD", db.password());
        }

        CliRun run = CliRun.of(environment, "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("target " + db.url() + " as " + db.user());
        assertThat(run.all()).doesNotContain("s3cret");
        for (Path file : everythingUnder(app.resolve("runs"))) {
            if (!file.toString().endsWith(".sqlite")) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("s3cret");
            }
        }
        assertThat(db.rows("SELECT count(*) FROM public.item")).containsExactly(List.of("2"));
    }

    @Test
    void aMigrationWithASyntaxErrorIsExitTwoNamingFileAndLineInCheckAndCutoverWithoutLoggerNoise(TestDatabase db)
            throws Exception {
        Path app = app(MIGRATION + "\nCREATE TABLE oops (id bigint,, x int);\n");
        Path job = job(app, "target: { url: \"" + db.url() + "\", user: \"" + db.user() + "\" }");
        Path file = app.resolve("sql/shop/V1__schema.sql");

        PrintStream console = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        CliRun check;
        try {
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            check = CliRun.of(db.environment(), "check", "--job", job.toString());
        } finally {
            System.setOut(console);
        }
        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        for (CliRun run : List.of(check, cutover)) {
            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err())
                    .contains("migration " + file + ", line 3, does not apply to schema public")
                    .contains("syntax error at or near \",\"")
                    .contains("SQLSTATE 42601")
                    .doesNotContain("-X");
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .as("Flyway's own ERROR line on the console")
                .doesNotContain("ERROR")
                .doesNotContain("DbMigrate");
    }

    @Test
    void ctrlCExits130SayingHowToResumeAndTheSameCommandThenFinishes(TestDatabase db) throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "target: { url: \"" + db.url() + "\", user: \"" + db.user() + "\" }");
        int exit;
        String err;
        try (ChildCutover child = ChildCutover.start(job, work, db.environment())) {
            child.awaitLine(l -> l.startsWith("[snapshot]"), Duration.ofMinutes(2));
            exit = child.interrupt(Duration.ofMinutes(2));
            err = child.err();
        }

        assertThat(exit).as("128 + SIGINT, as a shell reports Ctrl-C\n" + err).isEqualTo(130);
        assertThat(err).contains("lite2pg: interrupted; what was committed is kept: run the same command to resume.");
        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(db.rows("SELECT count(*) FROM public.item")).containsExactly(List.of("2"));
    }

    @Test
    void checkGroupHeadersSayWhatTheReasonsSayNotPlaceholders(TestDatabase db) throws Exception {
        Path app = app("CREATE TABLE item (id bigint PRIMARY KEY, name text, made date, price numeric(5,1));\n");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(app.resolve("shop.sqlite"))) {
            sqlite.sql(
                    "DROP TABLE item", "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, made TEXT, price REAL)");
            sqlite.rows(
                    "INSERT INTO item VALUES (?, ?, ?, ?)",
                    row(1, "wheel", "2023-02-30", 1.25),
                    row(2, "chain", "2024-01-01", 1.234),
                    row(3, "bell", "2024-01-02", 1.2345));
        }
        Path job = job(app, "target: { url: \"" + db.url() + "\", user: \"" + db.user() + "\" }");

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString(), "--no-load");

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        assertThat(check.out())
                .contains("  - item.made: 1 value: 2023-02-30 is not a valid date")
                .contains("  - item.price: 3 values: needs scale …; column allows numeric(5,1)")
                .doesNotContainPattern("(?m)^  - .*#");
    }

    @Test
    void dryRunEmbeddedRehearsesAJobFileNamingAProductionTargetWithoutReachingIt() throws Exception {
        Path app = app(MIGRATION);
        Path job = job(app, "target: { url: \"jdbc:postgresql://nosuchhost.invalid:5432/prod\", user: app }");
        String before = Files.readString(job);

        CliRun run = CliRun.of(Map.of(), "dry-run", "--job", job.toString(), "--embedded");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("--embedded; starting an embedded PostgreSQL")
                .contains("validation PASS");
        assertThat(run.all()).doesNotContain("nosuchhost.invalid:5432/prod as");
        assertThat(Files.readString(job)).as("the job file is not edited").isEqualTo(before);
    }
}
