package dev.lite2pg.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceForeignKey;
import dev.lite2pg.model.SourceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys, constraints and names of a draft from a schema and its values: no database. */
class SchemaDraftTest {

    private static SqliteSchema.Table table(
            String name, List<SourceColumn> columns, List<SqliteSchema.ForeignKey> keys, String... checks) {
        List<List<SqlToken>> parsed = new ArrayList<>();
        for (String check : checks) {
            parsed.add(SqlToken.tokenize(check));
        }
        return new SqliteSchema.Table(
                new SourceTable(name, columns, false, List.<SourceForeignKey>of()),
                Map.of(),
                false,
                keys,
                List.of(),
                parsed);
    }

    /** Every column offered the same rows of values, one array per row. */
    private static List<ColumnStats> stats(List<SourceColumn> columns, Object[]... rows) {
        List<ColumnStats> stats = new ArrayList<>();
        for (SourceColumn column : columns) {
            stats.add(new ColumnStats(DeclaredType.of(column.declaredType())));
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.size(); c++) {
                stats.get(c).offer(rows[r][c], new Object[] {(long) r + 1});
            }
        }
        return stats;
    }

    @Test
    void aPrimaryKeyHoldingNullIsKeptAndListedAsSomethingPostgresqlRefuses() {
        List<SourceColumn> columns = List.of(new SourceColumn("code", "TEXT", false, 1));
        Draft draft = SchemaDraft.build(
                new SqliteSchema(List.of(table("codes", columns, List.of())), List.of(), List.of()),
                Map.of("codes", stats(columns, new Object[] {"a"}, new Object[] {null})),
                Names.AS_IS);
        assertThat(draft.tables().get(0).constraints()).containsExactly("PRIMARY KEY (\"code\")");
        assertThat(draft.untranslated())
                .containsExactly("table codes PRIMARY KEY: 1 rows hold NULL in code, which SQLite allows outside an"
                        + " INTEGER PRIMARY KEY and PostgreSQL refuses; check lists them");
    }

    @Test
    void foreignKeysNeedTheParentsKeyAndTheSameTypeElseTheyAreListedWithTheReason() {
        List<SourceColumn> parent =
                List.of(new SourceColumn("Id", "INTEGER", true, 1), new SourceColumn("Name", "TEXT", false, 0));
        List<SourceColumn> child = List.of(
                new SourceColumn("Id", "INTEGER", true, 1),
                new SourceColumn("ParentId", "INTEGER", false, 0),
                new SourceColumn("ParentName", "TEXT", false, 0),
                new SourceColumn("IsDone", "INTEGER", false, 0));
        Map<String, List<ColumnStats>> stats = new LinkedHashMap<>();
        stats.put("Parent", stats(parent, new Object[] {1L, "a"}));
        stats.put("ChildItem", stats(child, new Object[] {1L, 1L, "a", 1L}));
        Draft draft = SchemaDraft.build(
                new SqliteSchema(
                        List.of(
                                table("Parent", parent, List.of()),
                                table(
                                        "ChildItem",
                                        child,
                                        List.of(
                                                new SqliteSchema.ForeignKey(
                                                        List.of("ParentId"),
                                                        "Parent",
                                                        List.of(),
                                                        "NO ACTION",
                                                        "CASCADE"),
                                                new SqliteSchema.ForeignKey(
                                                        List.of("ParentName"),
                                                        "Parent",
                                                        List.of("Name"),
                                                        "NO ACTION",
                                                        "NO ACTION"),
                                                new SqliteSchema.ForeignKey(
                                                        List.of("IsDone"),
                                                        "Parent",
                                                        List.of("Id"),
                                                        "NO ACTION",
                                                        "NO ACTION")),
                                        "IsDone IN (0, 1)")),
                        List.of(),
                        List.of()),
                stats,
                Names.SNAKE);
        assertThat(draft.tables().get(1).target()).isEqualTo("child_item");
        assertThat(draft.tables().get(1).constraints()).contains("CHECK (\"is_done\" IN (false, true))");
        assertThat(draft.foreignKeys())
                .containsExactly("ALTER TABLE \"child_item\" ADD FOREIGN KEY (\"parent_id\") REFERENCES \"parent\""
                        + " (\"id\") ON DELETE CASCADE;");
        assertThat(draft.untranslated())
                .containsExactly(
                        "table ChildItem FOREIGN KEY (ParentName) REFERENCES Parent (Name): the referenced columns are"
                                + " not the primary key or UNIQUE in Parent (PostgreSQL requires it)",
                        "table ChildItem FOREIGN KEY (IsDone) REFERENCES Parent (Id): ChildItem.IsDone is drafted as"
                                + " boolean but Parent.Id as bigint; make them one type, then add the key");
    }

    @Test
    void aNameWhoseSnakeCaseIsTakenStaysAsItIs() {
        List<SourceColumn> columns =
                List.of(new SourceColumn("user_id", "INTEGER", false, 0), new SourceColumn("UserId", "TEXT", false, 0));
        Draft draft = SchemaDraft.build(
                new SqliteSchema(List.of(table("t", columns, List.of())), List.of(), List.of()),
                Map.of("t", stats(columns)),
                Names.SNAKE);
        assertThat(draft.tables().get(0).columns())
                .extracting(DraftColumn::target)
                .containsExactly("user_id", "UserId");
        assertThat(draft.untranslated())
                .containsExactly(
                        "column of t UserId: its snake_case name user_id is taken by" + " user_id; kept as UserId");
    }
}
