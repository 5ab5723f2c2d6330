package dev.lite2pg.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.sqlite.SqliteOrphans.Reference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOrphansTest {

    @TempDir
    Path dir;

    private Connection database(String... statements) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("source.sqlite"));
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return c;
    }

    @Test
    void findsTheRowsWhoseCompositeReferenceHasNoParentInKeyOrderSkippingThoseWithANullPart() throws Exception {
        try (Connection c = database(
                "CREATE TABLE \"order\" (shop TEXT, no INTEGER, PRIMARY KEY (shop, no))",
                "INSERT INTO \"order\" VALUES ('a', 1), ('a', 2), ('b', 1)",
                "CREATE TABLE line (id INTEGER PRIMARY KEY, \"sh\"\"op\" TEXT, no INTEGER)",
                "INSERT INTO line VALUES (5, 'b', 2), (1, 'a', 1), (3, 'c', 1), (4, NULL, 9), (2, 'a', 3)")) {
            SqliteOrphans orphans = new SqliteOrphans(c);
            Reference reference = new Reference("line", List.of("sh\"op", "no"), "order", List.of("shop", "no"));
            List<String> found = new ArrayList<>();

            long count =
                    orphans.each(reference, List.of("\"id\""), (key, values) -> found.add(List.of(key) + " " + values));

            assertThat(found).containsExactly("[2] [a, 3]", "[3] [c, 1]", "[5] [b, 2]");
            assertThat(count).isEqualTo(3);
            assertThat(orphans.count(reference)).isEqualTo(3);
        }
    }

    @Test
    void everyNonNullReferenceIsAnOrphanWhenTheParentIsNotCopied() throws Exception {
        try (Connection c = database(
                "CREATE TABLE book (title TEXT, author_id INTEGER)",
                "INSERT INTO book VALUES ('x', 7), ('y', NULL), ('z', 8)")) {
            SqliteOrphans orphans = new SqliteOrphans(c);
            Reference reference = new Reference("book", List.of("author_id"), null, List.of());
            List<Object> found = new ArrayList<>();

            orphans.each(reference, List.of("rowid"), (key, values) -> {
                found.add(key[0]);
                found.addAll(values);
            });

            assertThat(found)
                    .as("rowid and value of each, as Long like every SQLite INTEGER in lite2pg")
                    .containsExactly(1L, 7L, 3L, 8L);
            assertThat(orphans.count(reference)).isEqualTo(2);
        }
    }
}
