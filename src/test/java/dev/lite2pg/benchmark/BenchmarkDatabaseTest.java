package dev.lite2pg.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lite2pg.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's SQLite generator at scale 0.001 (1,500 rows): shapes, ranges, scaling and determinism. */
class BenchmarkDatabaseTest {

    private static final double SCALE = 0.001;
    private static final List<String> TABLES = List.of("users", "strategies", "alerts", "orders");

    @TempDir
    static Path folder;

    static Path file;

    @BeforeAll
    static void generate() {
        file = folder.resolve("nested/bench.sqlite");
        BenchmarkDatabase.Summary summary = BenchmarkDatabase.create(file, SCALE, 42);
        assertThat(summary.file()).isEqualTo(file.toAbsolutePath());
        assertThat(summary.totalRows()).isEqualTo(1_500);
    }

    @Test
    void rowCountsScaleLinearlyFromOnePointFiveMillionAtScaleOne() throws SQLException {
        assertThat(BenchmarkDatabase.rowCounts(1)).containsExactlyEntriesOf(BenchmarkDatabase.BASE_ROWS);
        assertThat(BenchmarkDatabase.BASE_ROWS.keySet())
                .as("parents first")
                .containsExactly(TABLES.toArray(String[]::new));
        assertThat(BenchmarkDatabase.BASE_ROWS.values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(1_500_000);
        assertThat(BenchmarkDatabase.rowCounts(0.1))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("users", 6_000L, "strategies", 14_000L, "alerts", 90_000L, "orders", 40_000L));
        assertThat(BenchmarkDatabase.rowCounts(3))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("users", 180_000L, "strategies", 420_000L, "alerts", 2_700_000L, "orders", 1_200_000L));
        assertThat(BenchmarkDatabase.rowCounts(1e-9).values())
                .as("at least one row per table")
                .containsOnly(1L);

        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, single("SELECT count(*) FROM " + table));
        }
        assertThat(counts)
                .containsExactlyEntriesOf(BenchmarkDatabase.rowCounts(SCALE))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("users", 60L, "strategies", 140L, "alerts", 900L, "orders", 400L));
    }

    @Test
    void fractionalScalesGiveProportionalRowsAndBytes() throws Exception {
        // 0.055 is the benchmark's small database (about 25 MB): row counts are rounded, not truncated to whole scales.
        assertThat(BenchmarkDatabase.rowCounts(0.055))
                .containsExactlyEntriesOf(orderedCounts(3_300, 7_700, 49_500, 22_000));

        // Through the command, as bench/run-benchmark.sh passes it: the scale as text, a fraction.
        Path half = folder.resolve("scale-0.0055.sqlite");
        StringWriter console = new StringWriter();
        int code = Main.run(
                new PrintWriter(console, true),
                new PrintWriter(new StringWriter(), true),
                "generate-benchmark",
                "--out",
                half.toString(),
                "--scale",
                "0.0055");
        assertThat(code).as(console.toString()).isZero();
        assertThat(console.toString()).contains("wrote 8250 rows");
        BenchmarkDatabase.Summary whole = BenchmarkDatabase.create(folder.resolve("scale-0.011.sqlite"), 0.011, 42);
        assertThat(whole.totalRows()).isEqualTo(16_500);

        // Twice the scale, twice the bytes: the size per row does not depend on the scale, so the file at 0.055 is
        // a 0.055th of the one at scale 1 (about 314 bytes a row, 449 MiB at scale 1).
        double bytesPerRowHalf = Files.size(half) / 8_250.0;
        double bytesPerRowWhole = whole.bytes() / 16_500.0;
        assertThat(bytesPerRowWhole / bytesPerRowHalf).isCloseTo(1.0, within(0.05));
        assertThat(bytesPerRowWhole).isBetween(290.0, 340.0);
    }

    @Test
    void refusesAScaleOutsideItsRange() {
        for (double scale : new double[] {0, -1, 100.5, Double.NaN}) {
            assertThatThrownBy(() -> BenchmarkDatabase.rowCounts(scale))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scale");
        }
    }

    @Test
    void theSameSeedGivesTheSameContentAndAnotherSeedOther() throws Exception {
        Path again = folder.resolve("again.sqlite");
        Files.writeString(again, "not a database");
        BenchmarkDatabase.create(again, SCALE, 42);
        Path otherSeed = folder.resolve("other-seed.sqlite");
        BenchmarkDatabase.create(otherSeed, SCALE, 43);

        assertThat(SqliteContent.sha256(again)).isEqualTo(SqliteContent.sha256(file));
        assertThat(SqliteContent.sha256(otherSeed)).isNotEqualTo(SqliteContent.sha256(file));
    }

    @Test
    void isAnOrdinaryIntactSqliteFileWithItsForeignKeysSatisfied() throws SQLException {
        assertThat(rows("PRAGMA integrity_check")).containsExactly(List.of("ok"));
        assertThat(rows("PRAGMA foreign_key_check")).isEmpty();
        assertThat(rows("PRAGMA journal_mode"))
                .as("OFF was for generating only")
                .containsExactly(List.of("delete"));
        assertThat(file.resolveSibling("bench.sqlite.partial")).doesNotExist();
        assertThat(file.resolveSibling("bench.sqlite-journal")).doesNotExist();
    }

    @Test
    void hasFourForeignKeysOneNullableAndSevenSecondaryIndexes() throws SQLException {
        long foreignKeys = 0;
        for (String table : TABLES) {
            foreignKeys += rows("PRAGMA foreign_key_list(" + table + ")").size();
        }
        assertThat(foreignKeys).isEqualTo(4);
        assertThat(single("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
                .isEqualTo(7);
        assertThat(single("SELECT count(*) FROM orders WHERE strategy_id IS NULL"))
                .as("manual orders")
                .isBetween(40L, 130L);
        assertThat(single("SELECT count(*) FROM orders WHERE strategy_id IS NOT NULL"))
                .isPositive();
    }

    @Test
    void alertPayloadsAreValidJsonOf250To400Bytes() throws SQLException {
        assertThat(rows("SELECT min(length(CAST(payload AS BLOB))), max(length(CAST(payload AS BLOB))),"
                        + " sum(json_valid(payload)), count(*) FROM alerts"))
                .allSatisfy(row -> {
                    assertThat((Long) row.get(0)).isGreaterThanOrEqualTo(250);
                    assertThat((Long) row.get(1)).isLessThanOrEqualTo(400);
                    assertThat(row.get(2)).isEqualTo(row.get(3));
                });
        assertThat(single("SELECT count(DISTINCT length(payload)) FROM alerts"))
                .as("lengths vary")
                .isGreaterThan(100);
        assertThat(single("SELECT count(*) FROM alerts WHERE payload LIKE '%\\\"stop\\\"%'"))
                .as("escaped quotes")
                .isPositive();
        assertThat(single("SELECT count(*) FROM alerts WHERE json_extract(payload, '$.strategy') <> strategy_id"))
                .isZero();
    }

    @Test
    void booleansAreOnlyZeroOrOneIntegersAndBothOccur() throws SQLException {
        Map<String, String> flags =
                Map.of("users", "is_active", "strategies", "is_public", "alerts", "is_read", "orders", "is_filled");
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            assertThat(rows("SELECT DISTINCT typeof(" + flag.getValue() + "), " + flag.getValue() + " FROM "
                            + flag.getKey() + " ORDER BY 2"))
                    .as(flag.toString())
                    .containsExactly(List.of("integer", 0L), List.of("integer", 1L));
        }
        assertThat(rows("SELECT DISTINCT is_admin FROM users WHERE is_admin NOT IN (0, 1)"))
                .isEmpty();
        assertThat(rows("SELECT DISTINCT is_paused FROM strategies WHERE is_paused NOT IN (0, 1)"))
                .isEmpty();
    }

    @Test
    void epochTimestampsAreIntegersBetween2020And2025() throws SQLException {
        long first = 1_577_836_800L; // 2020-01-01T00:00:00Z
        long end = 1_735_689_600L + 86_400; // 2025-01-01T00:00:00Z, plus a day of jitter
        for (String column :
                List.of("strategies.updated_at", "alerts.triggered_at", "orders.placed_at", "orders.filled_at")) {
            String[] parts = column.split("\\.");
            List<List<Object>> range = rows("SELECT min(" + parts[1] + "), max(" + parts[1] + "), count(*) FROM "
                    + parts[0] + " WHERE typeof(" + parts[1] + ") NOT IN ('integer', 'null')");
            assertThat(range.get(0).get(2)).as(column + " all integers").isEqualTo(0L);
            List<Object> minMax = rows("SELECT min(" + parts[1] + "), max(" + parts[1] + ") FROM " + parts[0])
                    .get(0);
            assertThat((Long) minMax.get(0)).as(column).isGreaterThanOrEqualTo(first);
            assertThat((Long) minMax.get(1)).as(column).isLessThan(end);
        }
        assertThat(single("SELECT count(*) FROM orders WHERE filled_at IS NULL"))
                .isEqualTo(single("SELECT count(*) FROM orders WHERE is_filled = 0"));
        assertThat(single("SELECT count(*) FROM orders WHERE filled_at < placed_at"))
                .isZero();
    }

    @Test
    void naiveTextTimestampsComeWithAndWithoutMicroseconds() throws SQLException {
        String seconds = "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'";
        String micros = seconds.replace("]'", "].[0-9][0-9][0-9][0-9][0-9][0-9]'");
        for (String table : List.of("users", "strategies", "alerts")) {
            long plain = single("SELECT count(*) FROM " + table + " WHERE created_at GLOB " + seconds);
            long fine = single("SELECT count(*) FROM " + table + " WHERE created_at GLOB " + micros);
            assertThat(plain + fine)
                    .as(table + ": every created_at in one of the two shapes")
                    .isEqualTo(single("SELECT count(*) FROM " + table));
            assertThat(fine).as(table + " with microseconds").isPositive();
            if (!table.equals("alerts")) {
                assertThat(plain).as(table + " without microseconds").isPositive();
            }
        }
        assertThat(single("SELECT count(*) FROM users WHERE last_login_at IS NULL"))
                .isPositive();
        assertThat(single("SELECT count(*) FROM users WHERE datetime(created_at) IS NULL"))
                .as("valid dates")
                .isZero();
    }

    @Test
    void pricesAreRealAndNumericWithAtMostTheirDecimals() throws SQLException {
        assertThat(rows("SELECT DISTINCT typeof(price) FROM orders")).containsExactly(List.of("real"));
        assertThat(rows("SELECT DISTINCT typeof(limit_price) FROM orders ORDER BY 1"))
                .as("NUMERIC affinity keeps whole prices as INTEGER")
                .containsExactly(List.of("integer"), List.of("null"), List.of("real"));
        assertThat(single("SELECT count(*) FROM orders WHERE round(price, 4) <> price OR price <= 0"))
                .isZero();
        assertThat(single("SELECT count(*) FROM orders WHERE round(limit_price, 2) <> limit_price"))
                .isZero();
        assertThat(single("SELECT count(*) FROM users WHERE round(balance, 2) <> balance OR balance >= 1e10"))
                .isZero();
        assertThat(single("SELECT count(*) FROM strategies WHERE round(risk_limit, 2) <> risk_limit"))
                .isZero();
        assertThat(single("SELECT count(*) FROM orders WHERE client_order_id NOT GLOB"
                        + " '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-4*'"
                        + " OR length(client_order_id) <> 36"))
                .isZero();
    }

    @Test
    void theCommandWritesTheFileAndRefusesABadScale() throws Exception {
        Path out = folder.resolve("cli/bench.sqlite");
        StringWriter console = new StringWriter();
        StringWriter errors = new StringWriter();
        int code = Main.run(
                new PrintWriter(console, true),
                new PrintWriter(errors, true),
                "generate-benchmark",
                "--out",
                out.toString(),
                "--scale",
                String.valueOf(SCALE));
        assertThat(code).as(console + "" + errors).isZero();
        assertThat(console.toString()).contains("wrote 1500 rows").contains(out.toString());
        assertThat(SqliteContent.sha256(out)).as("--seed defaults to 42").isEqualTo(SqliteContent.sha256(file));

        StringWriter badErrors = new StringWriter();
        int bad = Main.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(badErrors, true),
                "generate-benchmark",
                "--out",
                out.toString(),
                "--scale",
                "0");
        assertThat(bad).isEqualTo(2);
        assertThat(badErrors.toString()).contains("--scale");
    }

    private static Map<String, Long> orderedCounts(long users, long strategies, long alerts, long orders) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("users", users);
        counts.put("strategies", strategies);
        counts.put("alerts", alerts);
        counts.put("orders", orders);
        return counts;
    }

    private static long single(String sql) throws SQLException {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    private static List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof Integer number ? Long.valueOf(number) : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
