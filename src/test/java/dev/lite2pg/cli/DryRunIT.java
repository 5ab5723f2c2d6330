package dev.lite2pg.cli;

import static dev.lite2pg.cli.EdgeCaseDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dry-run} against a staging server: it rehearses into the target and leaves it as it found it (or keeps the
 * data with --keep), never touches a target holding a finished cutover, and follows the job's on-bad-row in its verdict.
 */
@ExtendWith(TestDatabaseExtension.class)
class DryRunIT {

    private static final String MIGRATION = """
            CREATE TABLE customer (id integer PRIMARY KEY, email text NOT NULL, vip boolean);
            CREATE UNIQUE INDEX customer_email ON customer (lower(email));
            CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customer (id), total numeric(8,2));
            CREATE INDEX orders_customer ON orders (customer_id);
            """;

    private TestDatabase db;

    @TempDir
    Path work;

    private Path source(boolean withBadRows) throws SQLException {
        Path source = work.resolve(withBadRows ? "bad.sqlite" : "good.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT, vip INTEGER)",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total REAL)");
            sqlite.rows("INSERT INTO customer VALUES (?, ?, ?)", row(1, "a@x.org", 1), row(2, "b@x.org", 0));
            sqlite.rows("INSERT INTO orders VALUES (?, ?, ?)", row(10, 1, 9.5), row(11, 2, 20.25));
            if (withBadRows) {
                sqlite.rows("INSERT INTO customer VALUES (?, ?, ?)", row(3, "A@X.org", 1), row(4, "c@x.org", 7));
                sqlite.rows("INSERT INTO orders VALUES (?, ?, ?)", row(12, 3, 1.0), row(13, 4, 2.0));
            }
        }
        return source;
    }

    @Test
    void leavesANewSchemaAndRepositoryAsItFoundThemAndTheSourceUntouched() throws Exception {
        Path source = source(false);
        String before = SourceFingerprint.sha256(source);

        CliRun run = CliRun.of(
                db.environment(),
                "dry-run",
                "--job",
                job("shop", source, "staging", "").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("dropped schema staging", "the target is as the dry-run found it");
        assertThat(RunReports.newest(work.resolve("runs"), "shop.dry-run").verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname IN ('staging', 'lite2pg')"))
                .isEmpty();
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(before);
        try (Stream<Path> files = Files.list(work.resolve("runs").resolve("shop.dry-run"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("snapshot-"));
        }
    }

    @Test
    void emptiesPreExistingApplicationTablesAndPutsTheirIndexesBackWhenTheRehearsalFails() throws Exception {
        Path job = job("shop", source(true), "staging", "");
        // A staging database already migrated by the application's own deployment: empty tables, Flyway history.
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .schemas("staging")
                .locations("filesystem:" + work.resolve("sql"))
                .load()
                .migrate();
        List<List<String>> indexesBefore = indexes();
        assertThat(indexesBefore).hasSize(7).anyMatch(i -> i.get(0).equals("orders_customer"));

        CliRun run = CliRun.of(db.environment(), "dry-run", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        RunReport report = RunReports.newest(work.resolve("runs"), "shop.dry-run");
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.quarantine().first())
                .extracting(r -> r.table() + " " + r.rowKey())
                .containsExactlyInAnyOrder("customer id=3", "customer id=4", "orders id=12", "orders id=13");
        assertThat(db.rows("SELECT count(*) FROM staging.customer UNION ALL SELECT count(*) FROM staging.orders"))
                .containsExactly(List.of("0"), List.of("0"));
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname = 'lite2pg'"))
                .isEmpty();
    }

    @Test
    void withQuarantineAsTheJobsPolicyBadRowsAreAWarningAndKeepLeavesTheDataToInspect() throws Exception {
        CliRun run = CliRun.of(
                db.environment(),
                "dry-run",
                "--keep",
                "--job",
                job("shop", source(true), "kept", "on-bad-row: quarantine\n").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(RunReports.newest(work.resolve("runs"), "shop.dry-run").verdict())
                .isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(db.rows("SELECT id FROM kept.customer ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
        assertThat(db.rows("SELECT count(*) FROM lite2pg.quarantine WHERE job_name = 'shop.dry-run'"))
                .containsExactly(List.of("4"));
    }

    @Test
    void refusesATargetHoldingAFinishedCutoverOfTheJobAndChangesNothing() throws Exception {
        Path job = job("shop", source(false), "live", "");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString())
                        .exitCode())
                .isZero();

        CliRun run = CliRun.of(db.environment(), "dry-run", "--job", job.toString(), "--target-schema", "other");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("holds a cutover", "1 run(s) of job shop", "COMPLETED", "nothing was touched");
        assertThat(db.rows("SELECT count(*) FROM live.customer")).containsExactly(List.of("2"));
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname = 'other'"))
                .isEmpty();
    }

    @Test
    void refusesTheTargetOfAFinishedCutoverOfTheJobAndLeavesItsDataAndRecordsIntact() throws Exception {
        Path job = job("shop", source(false), "live", "");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString())
                        .exitCode())
                .isZero();
        List<List<String>> before = liveTargetAndRecords();

        CliRun run = CliRun.of(db.environment(), "dry-run", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("holds a cutover", "run(s) of job shop", "COMPLETED", "nothing was touched");
        assertThat(liveTargetAndRecords())
                .isEqualTo(before)
                .contains(List.of("customer rows", "2"), List.of("orders rows", "2"));
    }

    @Test
    void refusesATargetHoldingAFailedCutoverOfTheJobToo() throws Exception {
        Path job = job("shop", source(true), "live", "");
        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(2);
        assertThat(db.rows("SELECT status FROM lite2pg.batch_job_execution")).containsExactly(List.of("FAILED"));
        List<List<String>> before = liveTargetAndRecords();

        CliRun run = CliRun.of(db.environment(), "dry-run", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("holds a cutover", "1 run(s) of job shop", "FAILED", "nothing was touched");
        assertThat(liveTargetAndRecords()).isEqualTo(before);
    }

    @Test
    void holdsTheCutoversRunLockSoACutoverStartedDuringTheDryRunIsRefusedAndTheCleanUpKeepsNothingOfIt()
            throws Exception {
        Path job = job("shop", source(false), "staging", "");
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .schemas("staging")
                .locations("filesystem:" + work.resolve("sql"))
                .load()
                .migrate();

        List<CliRun> runs = secondStartedWhileTheFirstWaits(
                new String[] {"dry-run", "--job", job.toString()}, new String[] {"cutover", "--job", job.toString()});

        CliRun dryRun = runs.get(0);
        CliRun cutover = runs.get(1);
        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        assertThat(cutover.err()).contains("another lite2pg process is running job shop", "nothing was touched");
        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(dryRun.out()).contains("the target is as the dry-run found it");
        assertThat(db.rows("SELECT count(*) FROM staging.customer UNION ALL SELECT count(*) FROM staging.orders"))
                .containsExactly(List.of("0"), List.of("0"));
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname = 'lite2pg'"))
                .isEmpty();
    }

    @Test
    void aRunningCutoverOfTheJobMakesTheDryRunExitTwoBeforeItLooksAtTheTarget() throws Exception {
        Path job = job("shop", source(false), "staging", "");
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .schemas("staging")
                .locations("filesystem:" + work.resolve("sql"))
                .load()
                .migrate();

        List<CliRun> runs = secondStartedWhileTheFirstWaits(
                new String[] {"cutover", "--job", job.toString()}, new String[] {"dry-run", "--job", job.toString()});

        CliRun cutover = runs.get(0);
        CliRun dryRun = runs.get(1);
        assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(2);
        assertThat(dryRun.err()).contains("another lite2pg process is running job shop", "nothing was touched");
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(db.rows("SELECT count(*) FROM staging.customer UNION ALL SELECT count(*) FROM staging.orders"))
                .containsExactly(List.of("2"), List.of("2"));
        assertThat(db.rows("SELECT DISTINCT job_name FROM lite2pg.batch_job_instance"))
                .containsExactly(List.of("shop"));
    }

    /**
     * Runs {@code first} while the test holds the application table {@code staging.customer}, so that it waits in its
     * preflight with its run locks taken; starts {@code second} meanwhile, lets {@code first} go once {@code second}
     * ended (or after 90 s, when {@code second} waits too), and returns both runs.
     */
    private List<CliRun> secondStartedWhileTheFirstWaits(String[] first, String[] second) throws Exception {
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE staging.customer IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> CliRun.of(db.environment(), first));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (db.rows("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'staging.customer'::regclass")
                    .isEmpty()) {
                assertThat(waiting.isDone())
                        .as("the first run ended before it reached staging.customer")
                        .isFalse();
                assertThat(System.nanoTime())
                        .as("the first run never reached staging.customer")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            CompletableFuture<CliRun> meanwhile =
                    CompletableFuture.supplyAsync(() -> CliRun.of(db.environment(), second));
            try {
                meanwhile.get(90, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                // it got past the run lock and waits for the table too: let both go, the assertions say what happened
            }
            holder.rollback();
            return List.of(waiting.get(5, TimeUnit.MINUTES), meanwhile.get(5, TimeUnit.MINUTES));
        }
    }

    /** Rows of the application tables, the relations of the target's schemas and the job repository's records. */
    private List<List<String>> liveTargetAndRecords() throws SQLException {
        List<List<String>> state = db.rows("SELECT 'customer rows', count(*)::text FROM live.customer"
                + " UNION ALL SELECT 'orders rows', count(*)::text FROM live.orders"
                + " UNION ALL SELECT 'instances', count(*)::text FROM lite2pg.batch_job_instance"
                + " UNION ALL SELECT 'executions', count(*)::text FROM lite2pg.batch_job_execution"
                + " UNION ALL SELECT 'steps', count(*)::text FROM lite2pg.batch_step_execution"
                + " UNION ALL SELECT 'quarantine', count(*)::text FROM lite2pg.quarantine");
        state.addAll(db.rows("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname IN ('live', 'lite2pg', 'other') ORDER BY 1, 2"));
        return state;
    }

    private Path job(String name, Path source, String schema, String extra) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql"), MIGRATION);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + "-" + schema + ".yml"));
    }

    /** Every index and every foreign key of the staging schema, with its definition and whether it is validated. */
    private List<List<String>> indexes() throws SQLException {
        List<List<String>> objects =
                db.rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'staging' ORDER BY indexname");
        objects.addAll(db.rows("SELECT conname, pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint"
                + " WHERE contype = 'f' AND connamespace = 'staging'::regnamespace ORDER BY conname"));
        return objects;
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
