package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.SourceTable;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class SqliteItemReaderTest {

    @TempDir
    Path dir;

    private SqliteItemReader reader(Path file) {
        SourceTable t;
        try (SqliteSource source = SqliteSource.open(file)) {
            t = source.tables().get(0);
        }
        return new SqliteItemReader(new SqliteTableReader(file, t, List.of("id"), 3, new ReadBudget(1 << 20, 1 << 20)));
    }

    @Test
    void resumesAfterTheSavedPositionWithoutRepeatingOrSkippingARowUnderTheContextKeysOfEarlierRuns() throws Exception {
        Path file = dir.resolve("source.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            st.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO t SELECT i * 10, 'x' FROM n");
        }
        ExecutionContext context = new ExecutionContext();
        SqliteItemReader first = reader(file);
        first.open(context);
        first.update(context);
        assertThat(context.isEmpty()).as("no position before the first row").isTrue();
        for (int i = 0; i < 4; i++) {
            first.read();
        }
        first.update(context);
        first.close();
        // The names under which runs already saved their position: a resume of such a run must find it.
        assertThat(context.get("source.lastKey")).isEqualTo(List.of(40L));
        assertThat(context.getLong("source.rowsRead")).isEqualTo(4);

        SqliteItemReader resumed = reader(file);
        resumed.open(context);
        List<Object> rest = new ArrayList<>();
        for (SourceRow row; (row = resumed.read()) != null; ) {
            rest.add(row.values()[0]);
        }
        resumed.update(context);
        resumed.close();
        assertThat(rest).containsExactly(50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(context.get("source.lastKey")).isEqualTo(List.of(100L));
        assertThat(context.getLong("source.rowsRead")).as("rows of both runs").isEqualTo(10);
    }
}
