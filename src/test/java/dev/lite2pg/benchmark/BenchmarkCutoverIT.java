package dev.lite2pg.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.cli.CliRun;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bench/run-benchmark.sh does for lite2pg, small: generate-benchmark at scale 0.002 (3,000 rows), then a real
 * cutover with jobs/benchmark.yml into a fresh database. Every column of the benchmark is a conversion, so this also
 * proves the generator writes nothing lite2pg refuses.
 */
@ExtendWith(TestDatabaseExtension.class)
class BenchmarkCutoverIT {

    private static final String SCALE = "0.002";

    @TempDir
    Path work;

    @Test
    void theGeneratedDatabaseCutsOverAndEveryRowArrives(TestDatabase db) throws Exception {
        Path sqlite = work.resolve("bench.sqlite");
        CliRun generated = CliRun.of(Map.of(), "generate-benchmark", "--out", sqlite.toString(), "--scale", SCALE);
        assertThat(generated.exitCode()).as(generated.all()).isZero();

        CliRun run = CliRun.of(
                db.environment(), "cutover", "--job", benchmarkJob(sqlite).toString(), "--target-url", db.url());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("validation PASS");

        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String table : BenchmarkDatabase.BASE_ROWS.keySet()) {
                counts.put(table, single(st, "SELECT count(*) FROM bench." + table));
            }
            assertThat(counts).containsExactlyEntriesOf(BenchmarkDatabase.rowCounts(Double.parseDouble(SCALE)));

            // The converted values agree with the source's, column family by column family.
            try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                    Statement sst = source.createStatement()) {
                assertThat(single(st, "SELECT count(*) FROM bench.orders WHERE strategy_id IS NULL"))
                        .isPositive()
                        .isEqualTo(single(sst, "SELECT count(*) FROM orders WHERE strategy_id IS NULL"));
                assertThat(single(st, "SELECT count(*) FROM bench.orders WHERE is_filled"))
                        .isEqualTo(single(sst, "SELECT sum(is_filled) FROM orders"));
                assertThat(single(st, "SELECT sum(extract(epoch FROM placed_at))::bigint FROM bench.orders"))
                        .isEqualTo(single(sst, "SELECT sum(placed_at) FROM orders"));
                assertThat(single(st, "SELECT sum(limit_price * 100)::bigint FROM bench.orders"))
                        .isEqualTo(single(sst, "SELECT CAST(round(sum(limit_price * 100)) AS INTEGER) FROM orders"));
                assertThat(
                                single(
                                        st,
                                        "SELECT count(*) FROM bench.alerts WHERE (payload ->> 'strategy')::bigint = strategy_id"))
                        .isEqualTo(counts.get("alerts"));
                assertThat(
                                single(
                                        st,
                                        "SELECT count(*) FROM bench.users WHERE created_at <> date_trunc('second', created_at)"))
                        .as("microseconds kept")
                        .isEqualTo(single(sst, "SELECT count(*) FROM users WHERE created_at LIKE '%.%'"));
            }
        }
    }

    /**
     * What run-benchmark.sh --catch-up does, small: a live cutover of the file, the app's 1% changes to it, the
     * catch-up; its target must then equal a one-phase cutover of the changed file, table by table (md5 of the rows).
     * This also proves the changes need nothing lite2pg refuses.
     */
    @Test
    void theChangedDatabaseCatchesUpToWhatAOnePhaseCutoverOfTheFinalFileHolds(TestDatabase db) throws Exception {
        Path sqlite = work.resolve("live.sqlite");
        assertThat(CliRun.of(Map.of(), "generate-benchmark", "--out", sqlite.toString(), "--scale", "0.01")
                        .exitCode())
                .isZero();
        String job = benchmarkJob(sqlite).toString();

        CliRun live = CliRun.of(db.environment(), "cutover", "--live", "--job", job, "--target-url", db.url());
        assertThat(live.exitCode()).as(live.all()).isZero();
        CliRun changed = CliRun.of(Map.of(), "generate-benchmark", "--in", sqlite.toString(), "--change-percent", "1");
        assertThat(changed.exitCode()).as(changed.all()).isZero();
        CliRun caughtUp = CliRun.of(db.environment(), "catch-up", "--job", job, "--target-url", db.url());
        assertThat(caughtUp.exitCode()).as(caughtUp.all()).isZero();
        assertThat(caughtUp.out())
                .contains("validation PASS")
                .contains("users +2 ~2 -2, strategies +5 ~5 -5, alerts +30 ~30 -30, orders +13 ~13 -13");
        CliRun onePhase = CliRun.of(
                db.environment(), "cutover", "--job", job, "--target-url", db.url(), "--target-schema", "bench_final");
        assertThat(onePhase.exitCode()).as(onePhase.all()).isZero();

        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String table : BenchmarkDatabase.BASE_ROWS.keySet()) {
                String md5 = "SELECT md5(string_agg(md5(r::text), '' ORDER BY r.id)) FROM %s." + table + " r";
                assertThat(text(st, md5.formatted("bench")))
                        .as(table)
                        .isEqualTo(text(st, md5.formatted("bench_final")));
            }
            assertThat(single(st, "SELECT count(*) FROM bench.orders"))
                    .isEqualTo(BenchmarkDatabase.rowCounts(0.01).get("orders"));
        }
    }

    /** jobs/benchmark.yml, pointed at the generated file, with absolute migrations and the report in the temp folder. */
    private Path benchmarkJob(Path sqlite) throws Exception {
        Path job = work.resolve("benchmark.yml");
        String text = Files.readString(Path.of("jobs/benchmark.yml"));
        assertThat(text).contains("\"filesystem:../sql/benchmark\"");
        Files.writeString(
                job,
                text.replaceFirst("(?m)^  path: .*$", "  path: " + sqlite)
                                .replace(
                                        "\"filesystem:../sql/benchmark\"",
                                        "\"filesystem:"
                                                + Path.of("sql/benchmark").toAbsolutePath() + "\"")
                        + "output: \"" + work.resolve("runs") + "\"\n");
        return job;
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
