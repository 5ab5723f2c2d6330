package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.check.CheckReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job file's {@code orphans} policy end to end on a generated trading database whose SQLite foreign keys were
 * never enforced: alerts 11..20 were purged by retention, leaving 50 orders pointing at them (and those orders' fills
 * behind them), and 3 fills point at an order that never existed. Each policy leaves the target a complete, checked
 * database, records every row it changed or removed, and the report reconciles source = target + removed.
 */
@ExtendWith(TestDatabaseExtension.class)
class OrphansIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestDatabase db;

    @TempDir
    Path work;

    private static final String MIGRATION = """
            CREATE TABLE alert (id integer PRIMARY KEY, symbol text NOT NULL);
            CREATE TABLE orders (id integer PRIMARY KEY, alert_id integer REFERENCES alert (id), qty integer);
            CREATE TABLE fill (id integer PRIMARY KEY, order_id integer NOT NULL REFERENCES orders (id), price numeric);
            """;

    /**
     * Alerts 1..10 remain; orders 1..100 point at alert (i-1) % 20 + 1, so 50 of them at a purged alert; orders
     * 101..110 have no alert. Fill i belongs to order i; with {@code danglingFills} fills 1001..1003 point at order 999.
     */
    private Path source(String name, boolean danglingFills) throws SQLException {
        Path source = work.resolve(name + ".sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE alert (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL)",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, alert_id INTEGER REFERENCES alert (id)"
                            + " ON DELETE SET NULL, qty INTEGER)",
                    "CREATE TABLE fill (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id)"
                            + " ON DELETE CASCADE, price REAL)",
                    "INSERT INTO alert WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
                            + " SELECT i, 'SYM' || i FROM n",
                    "INSERT INTO orders WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 110)"
                            + " SELECT i, CASE WHEN i <= 100 THEN (i - 1) % 20 + 1 END, i * 10 FROM n",
                    "INSERT INTO fill SELECT id, id, id + 0.5 FROM orders",
                    // Retention purged these alerts with foreign keys off: ON DELETE SET NULL / CASCADE never ran.
                    "DELETE FROM alert WHERE id > 10");
            if (danglingFills) {
                sqlite.sql("INSERT INTO fill VALUES (1001, 999, 1.5), (1002, 999, 2.5), (1003, 999, 3.5)");
            }
        }
        return source;
    }

    @Test
    void deleteRemovesOrphansAndTheirChildrenDownTheTreeRecordingEveryRow() throws Exception {
        Path job = job("del", source("del", true), "del", "orphans: delete\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("PASS WITH WARNINGS", "53 orphan references will be deleted")
                .contains("orders (alert_id) 50 deleted", "fill (order_id) 53 deleted");
        assertThat(db.rows("SELECT count(*), count(alert_id), max(alert_id) FROM del.orders"))
                .containsExactly(List.of("60", "50", "10"));
        assertThat(db.rows("SELECT count(*) FROM del.fill f JOIN del.orders o ON o.id = f.order_id"))
                .containsExactly(List.of("60"));
        assertThat(db.rows("SELECT count(*) FROM del.fill")).containsExactly(List.of("60"));
        assertThat(db.rows("SELECT target_table, origin, count(*) FROM lite2pg.quarantine WHERE job_name = 'del'"
                        + " GROUP BY 1, 2 ORDER BY 1"))
                .containsExactly(List.of("fill", "DELETED", "53"), List.of("orders", "DELETED", "50"));
        assertThat(db.rows("SELECT row_key, row_data::text, column_name, bad_value, reason FROM lite2pg.quarantine"
                        + " WHERE job_name = 'del' AND (target_table, row_key) IN (('orders', 'id=11'), ('fill', 'id=1001'))"
                        + " ORDER BY target_table"))
                .containsExactly(
                        List.of(
                                "id=1001",
                                "{\"id\":1001,\"order_id\":999,\"price\":1.5}",
                                "order_id",
                                "(999)",
                                "its parent row orders (id) = (999) is not in the source (foreign key fill_order_id_fkey)"
                                        + ": deleted, as ON DELETE CASCADE would have (orphans: delete)"),
                        List.of(
                                "id=11",
                                "{\"id\":11,\"alert_id\":11,\"qty\":110}",
                                "alert_id",
                                "(11)",
                                "its parent row alert (id) = (11) is not in the source (foreign key orders_alert_id_fkey)"
                                        + ": deleted, as ON DELETE CASCADE would have (orphans: delete)"));
        assertThat(db.rows("SELECT reason FROM lite2pg.quarantine WHERE job_name = 'del' AND target_table = 'fill'"
                        + " AND row_key = 'id=11'"))
                .singleElement()
                .satisfies(r -> assertThat(r.get(0)).contains("orders (id) = (11) was deleted (foreign key"));
        assertReconciled("del", Map.of("alert", 0L, "orders", 50L, "fill", 53L));
    }

    @Test
    void setNullClearsNullableReferencesKeepsTheRowsAndRecordsTheirOriginalValues() throws Exception {
        Path job = job("nul", source("nul", false), "nul", "orphans: set-null\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("PASS WITH WARNINGS", "50 orphan references will be set to NULL")
                .contains("orders (alert_id) 50 set to NULL");
        assertThat(db.rows("SELECT count(*), count(alert_id), max(alert_id) FROM nul.orders"))
                .containsExactly(List.of("110", "50", "10"));
        assertThat(db.rows("SELECT id, alert_id, qty FROM nul.orders WHERE id IN (10, 11) ORDER BY id"))
                .containsExactly(List.of("10", "10", "100"), java.util.Arrays.asList("11", null, "110"));
        assertThat(db.rows("SELECT count(*) FROM nul.fill")).containsExactly(List.of("110"));
        assertThat(db.rows(
                        "SELECT target_table, origin, count(*), min(row_data->>'alert_id'), max(row_data->>'alert_id')"
                                + " FROM lite2pg.quarantine WHERE job_name = 'nul' GROUP BY 1, 2"))
                .containsExactly(List.of("orders", "SET_NULL", "50", "11", "20"));
        assertThat(db.rows("SELECT reason FROM lite2pg.quarantine WHERE job_name = 'nul' AND row_key = 'id=11'"))
                .containsExactly(List.of("its parent row alert (id) = (11) is not in the source (foreign key"
                        + " orders_alert_id_fkey): alert_id set to NULL, as ON DELETE SET NULL would have"
                        + " (orphans: set-null)"));
        assertReconciled("nul", Map.of("alert", 0L, "orders", 0L, "fill", 0L));
    }

    @Test
    void setNullIsRefusedBeforeAnythingIsWrittenForANotNullReference() throws Exception {
        Path job = job("nn", source("nn", true), "nn", "orphans: set-null\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.all())
                .contains("orphans: set-null cannot resolve every orphan reference; nothing was written")
                .contains("foreign key fill_order_id_fkey on fill: 3 orphan reference(s), but order_id is NOT NULL");
        assertThat(db.rows("SELECT count(*) FROM nn.orders")).containsExactly(List.of("0"));
    }

    @Test
    void quarantineTakesOrphansAndTheirChildrenAsideEvenWhenBadRowsFail() throws Exception {
        Path job = job("q", source("q", true), "q", "on-bad-row: fail\norphans: quarantine\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("orders (alert_id) 50 quarantined", "fill (order_id) 53 quarantined");
        assertThat(db.rows("SELECT count(*), count(alert_id) FROM q.orders")).containsExactly(List.of("60", "50"));
        assertThat(db.rows("SELECT target_table, origin, count(*) FROM lite2pg.quarantine WHERE job_name = 'q'"
                        + " GROUP BY 1, 2 ORDER BY 1"))
                .containsExactly(List.of("fill", "PARENT", "53"), List.of("orders", "PARENT", "50"));
        assertReconciled("q", Map.of("alert", 0L, "orders", 50L, "fill", 53L));
    }

    @Test
    void failStopsOnOrphansBeforeAnythingIsWrittenAndNamesTheWayOut() throws Exception {
        Path job = job("f", source("f", true), "f", "on-bad-row: quarantine\norphans: fail\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.all())
                .contains("53 orphan references", "nothing was written")
                .contains("orphans: quarantine, set-null or delete");
        assertThat(db.rows("SELECT count(*) FROM f.orders")).containsExactly(List.of("0"));
    }

    @Test
    void checkJudgesOrphansAsTheCutoverWouldUnderTheJobsPolicy() throws Exception {
        Path source = source("chk", true);
        String byKey = "fill.fill_order_id_fkey 3, orders.orders_alert_id_fkey 50";

        CliRun failing = CliRun.of(
                Map.of(),
                "check",
                "--job",
                job("chkf", source, "chkf", "orphans: fail\n").toString());

        assertThat(failing.exitCode()).as(failing.all()).isEqualTo(3);
        assertThat(failing.out()).contains("53 orphan references", "check FAIL");

        CliRun deleting = CliRun.of(
                Map.of(),
                "check",
                "--job",
                job("chkd", source, "chkd", "orphans: delete\n").toString());

        assertThat(deleting.exitCode()).as(deleting.all()).isZero();
        assertThat(deleting.out())
                .contains("53 orphan reference(s), per foreign key: " + byKey
                        + "; the cutover will delete them, with their children (orphans: delete)")
                .contains("check PASS WITH WARNINGS");
        CheckReport deleted = CheckReport.read(checkFile("chkd"));
        assertThat(deleted.verdict()).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(deleted.orphanReferences()).isEqualTo(53);
        assertThat(deleted.orphanProblems()).isEmpty();

        // fill.order_id is NOT NULL: the cutover refuses set-null there (exit 2), so check fails on it.
        CliRun nulling = CliRun.of(
                Map.of(),
                "check",
                "--job",
                job("chkn", source, "chkn", "orphans: set-null\n").toString());

        assertThat(nulling.exitCode()).as(nulling.all()).isEqualTo(3);
        assertThat(nulling.out())
                .contains("foreign key fill_order_id_fkey on fill: 3 orphan reference(s), but order_id is NOT NULL")
                .contains("check FAIL");
        assertThat(CheckReport.read(checkFile("chkn")).orphanProblems()).hasSize(1);
    }

    private Path checkFile(String jobName) throws Exception {
        return runFolder(jobName).resolve(CheckReport.FILE_NAME);
    }

    @Test
    void aDryRunRehearsesDeleteAndFailsWhereTheCutoverWouldStopOnOrphans() throws Exception {
        Path deleting = job("dry", source("dry", true), "dry", "orphans: delete\n");

        CliRun rehearsal = CliRun.of(Map.of(), "dry-run", "--job", deleting.toString());

        assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
        assertThat(rehearsal.out()).contains("orders (alert_id) 50 deleted", "fill (order_id) 53 deleted");

        Path failing =
                job("dryfail", source("dryfail", true), "dryfail", "on-bad-row: quarantine\n" + "orphans: fail\n");

        CliRun failed = CliRun.of(Map.of(), "dry-run", "--job", failing.toString());

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(3);
        assertThat(failed.all())
                .contains("103 row(s) whose parent row is missing would stop the cutover (orphans: fail)");
    }

    @Test
    void eachForeignKeyFollowsItsOwnPolicyNextToTheDefault() throws Exception {
        Path job = job(
                "per",
                source("per", true),
                "per",
                "orphans:\n  default: quarantine\n  foreign-keys:\n    \"orders.alert_id\": set-null\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("PASS WITH WARNINGS")
                .contains("3 orphan references will be quarantined", "50 orphan references will be set to NULL")
                .contains("orders (alert_id) 50 set to NULL", "fill (order_id) 3 quarantined");
        // orders.alert_id: set-null keeps every order, and so every fill of theirs; fill.order_id: the default
        // quarantines the 3 fills of the order that never existed.
        assertThat(db.rows("SELECT count(*), count(alert_id), max(alert_id) FROM per.orders"))
                .containsExactly(List.of("110", "50", "10"));
        assertThat(db.rows("SELECT count(*), min(id), max(id) FROM per.fill"))
                .containsExactly(List.of("110", "1", "110"));
        assertThat(db.rows("SELECT target_table, column_name, origin, count(*),"
                        + " min(coalesce(row_data->>'alert_id', row_data->>'order_id')::int),"
                        + " max(coalesce(row_data->>'alert_id', row_data->>'order_id')::int)"
                        + " FROM lite2pg.quarantine WHERE job_name = 'per' GROUP BY 1, 2, 3 ORDER BY 1"))
                .as("each row recorded with its reference before the change")
                .containsExactly(
                        List.of("fill", "order_id", "PARENT", "3", "999", "999"),
                        List.of("orders", "alert_id", "SET_NULL", "50", "11", "20"));
        assertReconciled("per", Map.of("alert", 0L, "orders", 0L, "fill", 3L));
    }

    @Test
    void aForeignKeyWhosePolicyIsFailStopsTheRunWhileTheOthersAreResolved() throws Exception {
        Path job = job(
                "perfail",
                source("perfail", true),
                "perfail",
                "orphans:\n  default: delete\n  foreign-keys:\n    \"fill.order_id\": fail\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.all()).contains("nothing was written", "per foreign key under orphans.foreign-keys");
        assertThat(db.rows("SELECT count(*) FROM perfail.orders")).containsExactly(List.of("0"));

        // Without the 3 fills of a missing order, fill.order_id has no orphan: the orders' are deleted by default.
        Path clean = job(
                "perok",
                source("perok", false),
                "perok",
                "orphans:\n  default: delete\n  foreign-keys:\n    \"fill.order_id\": fail\n");

        CliRun rehearsal = CliRun.of(Map.of(), "dry-run", "--job", clean.toString());
        CliRun passed = CliRun.of(Map.of(), "cutover", "--job", clean.toString());

        // The fills of deleted orders were no orphans in the source: the cutover does not stop on them, so neither
        // does its rehearsal; a key whose policy is fail takes them aside (quarantine), as for children of bad rows.
        assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
        assertThat(passed.exitCode()).as(passed.all()).isZero();
        assertThat(db.rows("SELECT target_table, origin, count(*) FROM lite2pg.quarantine WHERE job_name = 'perok'"
                        + " GROUP BY 1, 2 ORDER BY 1"))
                .containsExactly(List.of("fill", "PARENT", "50"), List.of("orders", "DELETED", "50"));
        assertReconciled("perok", Map.of("alert", 0L, "orders", 50L, "fill", 50L));
    }

    @Test
    void aDryRunFailsOnlyOnTheKeysWhoseCutoverWouldStop() throws Exception {
        Path resolving = job(
                "dryper",
                source("dryper", false),
                "dryper",
                "orphans:\n  default: fail\n  foreign-keys:\n    \"orders.alert_id\": set-null\n");

        CliRun rehearsal = CliRun.of(Map.of(), "dry-run", "--job", resolving.toString());

        assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
        assertThat(rehearsal.out()).contains("orders (alert_id) 50 set to NULL");

        Path failing = job(
                "dryperfail",
                source("dryperfail", true),
                "dryperfail",
                "orphans:\n  default: fail\n  foreign-keys:\n    \"orders.alert_id\": set-null\n");

        CliRun failed = CliRun.of(Map.of(), "dry-run", "--job", failing.toString());

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(3);
        assertThat(failed.all())
                .contains("3 row(s) whose parent row is missing would stop the cutover (orphans: fail)");
    }

    @Test
    void anOverrideNamingNoCopiedForeignKeyIsRefusedNamingIt() throws Exception {
        Path job =
                job("unk", source("unk", false), "unk", "orphans:\n  foreign-keys:\n    \"orders.alert\": set-null\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.all())
                .contains("orphans.foreign-keys names no foreign key of the copied tables: orders.alert")
                .contains("fill.order_id", "orders.alert_id");
        assertThat(db.rows("SELECT count(*) FROM unk.orders")).containsExactly(List.of("0"));
    }

    /** Per table: source rows = target rows + rows removed, and the content matches the source as the policy left it. */
    private void assertReconciled(String jobName, Map<String, Long> removed) throws Exception {
        JsonNode report = JSON.readTree(Files.readString(runFolder(jobName).resolve("report.json")));
        assertThat(report.get("verdict").asString()).isEqualTo("PASS WITH WARNINGS");
        assertThat(report.get("tables")).hasSize(removed.size());
        for (JsonNode table : report.get("tables")) {
            String name = table.get("target").asString();
            assertThat(table.get("quarantinedRows").asLong()).as(name).isEqualTo(removed.get(name));
            assertThat(table.get("sourceRows").asLong())
                    .as(name)
                    .isEqualTo(table.get("targetRows").asLong()
                            + table.get("quarantinedRows").asLong());
            assertThat(table.get("content").get("matches").asBoolean()).as(name).isTrue();
        }
        // The keys were deferred during the copy and are back, validated: the target holds no orphan.
        assertThat(db.rows("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
                        + " AND connamespace = '" + jobName + "'::regnamespace"))
                .containsExactly(List.of("2"));
    }

    /** A resume counts the orphans again (the precheck ran on the first start only): they are resolved, not refused. */
    @Test
    void aResumedRunResolvesTheOrphansItsFirstStartResolvedRatherThanRefusingThem() throws Exception {
        Path job = job("resumed", source("resumed", true), "resumed", "orphans: quarantine\n");
        CliRun failed;
        try {
            System.setProperty(PropertyFaultPoints.PROPERTY, "step:constraints");
            failed = CliRun.of(Map.of(), "cutover", "--job", job.toString());
        } finally {
            System.clearProperty(PropertyFaultPoints.PROPERTY);
        }
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);

        CliRun resumed = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("PASS WITH WARNINGS");
    }

    private Path job(String name, Path source, String schema, String extra) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql-" + name), MIGRATION);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }

    private Path runFolder(String jobName) throws Exception {
        try (Stream<Path> folders = Files.list(work.resolve("runs").resolve(jobName))) {
            return folders.filter(Files::isDirectory)
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow();
        }
    }
}
