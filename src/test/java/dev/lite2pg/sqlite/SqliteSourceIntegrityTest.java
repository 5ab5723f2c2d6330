package dev.lite2pg.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSourceIntegrityTest {

    private static final int PAGE = 4096;

    @TempDir
    Path work;

    @Test
    void aSoundFileHasNoProblemsAndADamagedTablePageIsFound() throws Exception {
        Path file = work.resolve("table.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = " + PAGE);
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= 2000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "row " + i + " ".repeat(40));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        try (SqliteSource source = SqliteSource.open(file)) {
            assertThat(source.integrityProblems()).isEmpty();
        }

        // Page 3 is one of t's b-tree pages: an invalid page type byte makes it unreadable.
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(2L * PAGE);
            raw.write(0x7F);
        }
        try (SqliteSource source = SqliteSource.open(file)) {
            assertThat(source.integrityProblems())
                    .isNotEmpty()
                    .anyMatch(line -> line.contains("malformed") || line.contains("page 3"));
        }
    }
}
