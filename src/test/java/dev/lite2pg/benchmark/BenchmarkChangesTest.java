package dev.lite2pg.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's writes between the two phases of a cutover, at scale 0.01 (15,000 rows) and 1%: each table's share
 * inserted, updated and deleted, read back by comparing the changed file with the original; foreign keys, storage
 * classes and JSON as the generator writes them; determinism; one transaction.
 */
class BenchmarkChangesTest {

    private static final double SCALE = 0.01;
    private static final double PERCENT = 1;

    @TempDir
    static Path folder;

    static Path original;
    static Path changed;
    static BenchmarkChanges.Summary summary;

    @BeforeAll
    static void generateAndChange() throws Exception {
        original = folder.resolve("original.sqlite");
        BenchmarkDatabase.create(original, SCALE, 42);
        changed = copy("changed.sqlite");
        summary = BenchmarkChanges.apply(changed, PERCENT, 42, line -> {});
    }

    @Test
    void eachTableHasAThirdOfItsShareInsertedUpdatedAndDeleted() throws SQLException {
        Map<String, Long> counts = BenchmarkDatabase.rowCounts(SCALE);
        assertThat(summary.tables())
                .extracting(BenchmarkChanges.TableChanges::table)
                .containsExactlyElementsOf(counts.keySet());
        for (BenchmarkChanges.TableChanges change : summary.tables()) {
            String t = change.table();
            long third = Math.round(counts.get(t) * PERCENT / 300);
            assertThat(third).as(t).isPositive();
            assertThat(change.rowsBefore()).as(t).isEqualTo(counts.get(t));
            assertThat(List.of(change.inserted(), change.updated(), change.deleted()))
                    .as(t + ": inserted, updated, deleted")
                    .containsOnly(third);
            assertThat(Math.abs(3 * third - counts.get(t) * PERCENT / 100))
                    .as(t + ": 1% give or take rounding")
                    .isLessThanOrEqualTo(1.5);

            // What the file says, against the original.
            long maxBefore = single(original, "SELECT max(id) FROM " + t);
            assertThat(single(changed, "SELECT count(*) FROM " + t)).as(t).isEqualTo(change.rowsAfter());
            assertThat(single(changed, "SELECT count(*) FROM " + t + " WHERE id > " + maxBefore))
                    .as(t + ": inserted after the largest id")
                    .isEqualTo(third);
            assertThat(single(
                            changed,
                            "SELECT count(*) FROM o." + t + " WHERE id NOT IN (SELECT id FROM main." + t + ")"))
                    .as(t + ": deleted")
                    .isEqualTo(third);
            List<String> columns = columns(t);
            List<String> updated = BenchmarkChanges.UPDATED_COLUMNS.get(t);
            assertThat(columns).as(t).containsAll(updated);
            assertThat(single(
                            changed,
                            "SELECT count(*) FROM main." + t + " c JOIN o." + t + " p USING (id) WHERE "
                                    + differs(updated)))
                    .as(t + ": rows whose updated columns differ")
                    .isEqualTo(third);
            List<String> kept = new ArrayList<>(columns);
            kept.removeAll(updated);
            assertThat(single(
                            changed,
                            "SELECT count(*) FROM main." + t + " c JOIN o." + t + " p USING (id) WHERE "
                                    + differs(kept)))
                    .as(t + ": no other column changes, keys and foreign keys included")
                    .isZero();
        }
    }

    @Test
    void foreignKeysStayValidAndDeletedParentsTookTheirChildren() throws SQLException {
        assertThat(rows(changed, "PRAGMA foreign_key_check")).isEmpty();
        assertThat(rows(changed, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
        // Deleted parents took their children along: some deleted orders belonged to a deleted user.
        assertThat(single(
                        changed,
                        "SELECT count(*) FROM o.orders WHERE id NOT IN (SELECT id FROM main.orders)"
                                + " AND user_id NOT IN (SELECT id FROM main.users)"))
                .isPositive();
    }

    @Test
    void changedValuesHaveTheGeneratorsStorageClassesAndShapes() throws SQLException {
        for (String t : BenchmarkDatabase.BASE_ROWS.keySet()) {
            for (String c : columns(t)) {
                assertThat(types(changed, t, c))
                        .as(t + "." + c + ": storage classes within the original's")
                        .isSubsetOf(types(original, t, c));
            }
        }
        assertThat(single(
                        changed,
                        "SELECT count(*) FROM alerts WHERE NOT json_valid(payload)"
                                + " OR json_extract(payload, '$.strategy') <> strategy_id"
                                + " OR length(CAST(payload AS BLOB)) NOT BETWEEN 250 AND 400"))
                .as("payloads: JSON naming their own strategy")
                .isZero();
        assertThat(single(
                        changed,
                        "SELECT count(*) FROM orders WHERE (filled_at IS NULL) <> (is_filled = 0)"
                                + " OR filled_at < placed_at"))
                .isZero();
        assertThat(single(changed, "SELECT count(DISTINCT email) - count(*) FROM users"))
                .isZero();
    }

    @Test
    void theSameSeedGivesTheSameContentAndAnotherSeedOther() throws Exception {
        Path again = copy("again.sqlite");
        BenchmarkChanges.apply(again, PERCENT, 42, line -> {});
        Path other = copy("other.sqlite");
        BenchmarkChanges.apply(other, PERCENT, 43, line -> {});

        assertThat(SqliteContent.sha256(again)).isEqualTo(SqliteContent.sha256(changed));
        assertThat(SqliteContent.sha256(other))
                .isNotEqualTo(SqliteContent.sha256(changed))
                .isNotEqualTo(SqliteContent.sha256(original));
    }

    @Test
    void aFailureLeavesTheFileAsItWas() throws Exception {
        Path refused = copy("refused.sqlite");
        // Orders are inserted last, after every delete and update: a refusal there must undo those too.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + refused);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER closed BEFORE INSERT ON orders BEGIN SELECT RAISE(ABORT, 'closed'); END");
        }
        String before = SqliteContent.sha256(refused);

        assertThatThrownBy(() -> BenchmarkChanges.apply(refused, PERCENT, 42, line -> {}))
                .hasMessageContaining(refused.toString())
                .hasMessageContaining("closed")
                .hasMessageContaining("nothing was changed");
        assertThat(SqliteContent.sha256(refused)).isEqualTo(before);
    }

    @Test
    void theCommandChangesTheFileInPlaceAndRefusesBadOptions() throws Exception {
        Path file = copy("cli.sqlite");
        StringWriter console = new StringWriter();
        int code = Main.run(
                new PrintWriter(console, true),
                new PrintWriter(new StringWriter(), true),
                "generate-benchmark",
                "--in",
                file.toString(),
                "--change-percent",
                "1");
        assertThat(code).as(console.toString()).isZero();
        assertThat(console.toString())
                .contains("alerts: 30 inserted, 30 updated, 30 deleted of 9000 rows")
                .contains("changed 150 rows");
        assertThat(SqliteContent.sha256(file)).as("--seed defaults to 42").isEqualTo(SqliteContent.sha256(changed));

        for (String[] bad : List.of(
                new String[] {"--in", file.toString(), "--out", file.toString()},
                new String[] {"--in", file.toString(), "--change-percent", "0"},
                new String[] {"--in", file.toString(), "--scale", "1"},
                new String[] {"--out", file.toString(), "--change-percent", "1"},
                new String[] {"--in", folder.resolve("missing.sqlite").toString()},
                new String[] {})) {
            StringWriter errors = new StringWriter();
            List<String> args = new ArrayList<>(List.of("generate-benchmark"));
            args.addAll(List.of(bad));
            int refused = Main.run(
                    new PrintWriter(new StringWriter(), true),
                    new PrintWriter(errors, true),
                    args.toArray(String[]::new));
            assertThat(refused).as(String.join(" ", bad) + ": " + errors).isEqualTo(2);
        }
        assertThat(SqliteContent.sha256(file)).as("refusals change nothing").isEqualTo(SqliteContent.sha256(changed));
    }

    private static Path copy(String name) throws Exception {
        Path copy = folder.resolve(name);
        Files.copy(original, copy);
        return copy;
    }

    private static String differs(List<String> columns) {
        return columns.stream().map(c -> "c." + c + " IS NOT p." + c).collect(Collectors.joining(" OR "));
    }

    private static List<String> columns(String table) throws SQLException {
        return rows(original, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid").stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    private static Set<Object> types(Path file, String table, String column) throws SQLException {
        Set<Object> types = new LinkedHashSet<>();
        rows(file, "SELECT DISTINCT typeof(" + column + ") FROM " + table).forEach(row -> types.add(row.get(0)));
        return types;
    }

    private static long single(Path file, String sql) throws SQLException {
        return ((Number) rows(file, sql).get(0).get(0)).longValue();
    }

    /** Rows of {@code sql} on {@code file}, with the original attached as {@code o}. */
    private static List<List<Object>> rows(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            if (!file.equals(original)) {
                statement.execute("ATTACH DATABASE '" + original + "' AS o");
            }
            try (ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
