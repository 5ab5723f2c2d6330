package dev.lite2pg.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatabaseTest {

    @TempDir
    static Path folder;

    static Path file;

    @BeforeAll
    static void createDemo() {
        file = folder.resolve("nested/demo.sqlite");
        DemoDatabase.create(file);
    }

    @Test
    void hasTheExpectedRowsPerTable() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("Store", "Staff", "Customer", "Product", "Order", "OrderLine")) {
            counts.put(table, single("SELECT count(*) FROM \"" + table + "\""));
        }
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Store", 3L, "Staff", 15L, "Customer", 117L, "Product", 40L, "Order", 150L, "OrderLine", 375L));
        assertThat(DemoDatabase.ROW_COUNTS).containsExactlyEntriesOf(counts);
    }

    @Test
    void isIntactWithEveryForeignKeySatisfied() throws SQLException {
        assertThat(rows("PRAGMA integrity_check")).containsExactly(List.of("ok"));
        assertThat(rows("PRAGMA foreign_key_check")).isEmpty();
    }

    @Test
    void holdsSixTablesOneWithoutRowidAndAView() throws SQLException {
        assertThat(rows("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY type, name"))
                .containsExactly(
                        List.of("table", "Customer"),
                        List.of("table", "Order"),
                        List.of("table", "OrderLine"),
                        List.of("table", "Product"),
                        List.of("table", "Staff"),
                        List.of("table", "Store"),
                        List.of("view", "OrderTotal"));
        assertThat(rows("SELECT sql LIKE '%WITHOUT ROWID' FROM sqlite_master WHERE name = 'OrderLine'"))
                .containsExactly(List.of(1L));
    }

    @Test
    void keepsTheAutoincrementHighWaterMarkAboveTheLargestId() throws SQLException {
        assertThat(rows("SELECT name, seq FROM sqlite_sequence")).containsExactly(List.of("Customer", 120L));
        assertThat(single("SELECT max(CustomerId) FROM Customer")).isEqualTo(117L);
        assertThat(DemoDatabase.SEQUENCES).containsExactlyEntriesOf(Map.of("Customer", 120L));
    }

    @Test
    void needsTheCycleAndSelfReferenceResolvedOutOfRowidOrder() throws SQLException {
        assertThat(rows("SELECT StoreId, ManagerId FROM Store ORDER BY StoreId"))
                .containsExactly(List.of(1L, 7L), List.of(2L, 2L), List.of(3L, 14L));
        assertThat(rows("SELECT StaffId, ReportsTo FROM Staff WHERE StaffId IN (1, 7, 12) ORDER BY StaffId"))
                .containsExactly(List.of(1L, 7L), List.of(7L, 12L), Arrays.asList(12L, null));
    }

    @Test
    void storesEachValueInTheIntendedStorageClass() throws SQLException {
        assertThat(rows("SELECT DISTINCT typeof(IsVip), typeof(CreatedAt), typeof(Preferences) FROM Customer"
                        + " WHERE CustomerId = 1"))
                .containsExactly(List.of("integer", "text", "text"));
        assertThat(rows("SELECT DISTINCT typeof(UnitPrice), typeof(UpdatedAt) FROM Product"))
                .containsExactly(List.of("real", "integer"));
        assertThat(rows("SELECT DISTINCT typeof(UnitPrice) FROM OrderLine")).containsExactly(List.of("real"));
        assertThat(rows("SELECT DISTINCT typeof(ShippedAt) FROM \"Order\" ORDER BY 1"))
                .containsExactly(List.of("integer"), List.of("null"));
        assertThat(rows("SELECT typeof(Thumbnail), length(Thumbnail) FROM Product WHERE ProductId IN (1, 3, 4)"
                        + " ORDER BY ProductId"))
                .containsExactly(List.of("blob", 17L), List.of("blob", 0L), Arrays.asList("null", null));
        assertThat(rows("SELECT DISTINCT IsVip FROM Customer ORDER BY 1")).containsExactly(List.of(0L), List.of(1L));
    }

    @Test
    void keepsTheAwkwardValuesExactly() throws SQLException {
        assertThat(text("SELECT Notes FROM Customer WHERE CustomerId = 1"))
                .isEqualTo("Loves 🚲🚲 and ☕ — ask about the cargo bike\nSecond line");
        assertThat(text("SELECT Notes FROM Customer WHERE CustomerId = 2")).endsWith("\\invoices\\2023\\");
        assertThat(text("SELECT Notes FROM Customer WHERE CustomerId = 3")).isEqualTo("size\tM\tframe\t54   ");
        assertThat(text("SELECT Notes FROM Customer WHERE CustomerId = 4")).isEmpty();
        assertThat(text("SELECT Notes FROM Customer WHERE CustomerId = 5")).isEqualTo("\\N");
        assertThat(text("SELECT Phone FROM Customer WHERE CustomerId = 1")).isEmpty();
        assertThat(text("SELECT CreatedAt FROM Customer WHERE CustomerId = 6")).isEqualTo("2021-01-06 03:19:42.827466");
        assertThat(text("SELECT CreatedAt FROM Customer WHERE CustomerId = 7")).isEqualTo("2021-01-06T10:32:59");
        assertThat(text("SELECT \"User\" FROM \"Order\" WHERE OrderId = 3")).isEqualTo("web");
        assertThat(text("SELECT Tags FROM Product WHERE ProductId = 5")).isEqualTo("e-bike,cargo bike");
        assertThat(rows("SELECT UnitPrice FROM Product WHERE ProductId IN (1, 2, 5) ORDER BY ProductId"))
                .containsExactly(List.of(0.1), List.of(19.99), List.of(12_500_000.0));
    }

    @Test
    void writesTheSameBytesEveryTimeAndReplacesItsOwnEarlierOutput() throws Exception {
        Path again = folder.resolve("again.sqlite");
        DemoDatabase.create(again);
        DemoDatabase.create(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
        assertThat(DemoDatabase.isDemoOutput(again)).isTrue();
    }

    @Test
    void refusesToOverwriteAFileThatIsNotADatabase() throws Exception {
        Path notes = folder.resolve("notes.sqlite");
        Files.writeString(notes, "not a database");
        assertRefusedAndUntouched(notes);
    }

    @Test
    void refusesToOverwriteAnotherSqliteDatabase() throws Exception {
        Path theirs = folder.resolve("theirs.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + theirs);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE Customer (CustomerId INTEGER PRIMARY KEY, Name TEXT)");
            st.execute("INSERT INTO Customer VALUES (1, 'a real customer')");
        }
        assertThat(DemoDatabase.isDemoOutput(theirs)).isFalse();
        assertRefusedAndUntouched(theirs);
    }

    @Test
    void refusesAnOrphanedJournalBesideAMissingFile() throws Exception {
        Path missing = folder.resolve("gone.sqlite");
        Path journal = folder.resolve("gone.sqlite-wal");
        Files.writeString(journal, "someone's wal");
        assertThatThrownBy(() -> DemoDatabase.create(missing))
                .isInstanceOf(Lite2pgException.class)
                .hasMessageContaining(journal.toString())
                .extracting(e -> ((Lite2pgException) e).code())
                .isEqualTo(ErrorCode.PRECONDITION);
        assertThat(Files.exists(missing)).isFalse();
        assertThat(Files.readString(journal)).isEqualTo("someone's wal");
    }

    private static void assertRefusedAndUntouched(Path existing) throws Exception {
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-------"));
        byte[] bytes = Files.readAllBytes(existing);

        assertThatThrownBy(() -> DemoDatabase.create(existing))
                .isInstanceOf(Lite2pgException.class)
                .hasMessageContaining("the demo does not overwrite " + existing.toAbsolutePath())
                .hasMessageContaining("not a database the demo wrote")
                .extracting(e -> ((Lite2pgException) e).code())
                .isEqualTo(ErrorCode.PRECONDITION);

        assertThat(Files.readAllBytes(existing)).isEqualTo(bytes);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
                .isEqualTo("rw-------");
    }

    private static long single(String sql) throws SQLException {
        return (Long) rows(sql).get(0).get(0);
    }

    private static String text(String sql) throws SQLException {
        return (String) rows(sql).get(0).get(0);
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
