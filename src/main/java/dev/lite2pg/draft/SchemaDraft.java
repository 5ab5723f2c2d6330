package dev.lite2pg.draft;

import dev.lite2pg.draft.SqlToken.Kind;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the draft from a SQLite schema and its values' statistics: each column's type and default, then what the
 * schema declares (keys, UNIQUE, CHECK, indexes, foreign keys), each translated or set aside with its reason. Pure: no
 * database.
 */
final class SchemaDraft {

    private final Names names;
    private final List<String> untranslated = new ArrayList<>();
    /** Drafted columns by lower-cased source table, then lower-cased source column. */
    private final Map<String, Map<String, DraftColumn>> columnsByTable = new HashMap<>();

    private final Map<String, String> tableTargets = new HashMap<>();
    /** Per lower-cased source table, the column lists (lower-cased) a foreign key may reference. */
    private final Map<String, Set<List<String>>> keysByTable = new HashMap<>();

    private final Map<String, List<String>> primaryKeys = new HashMap<>();

    private SchemaDraft(Names names) {
        this.names = names;
    }

    static Draft build(SqliteSchema schema, Map<String, List<ColumnStats>> stats, Names names) {
        return new SchemaDraft(names).draft(schema, stats);
    }

    private Draft draft(SqliteSchema schema, Map<String, List<ColumnStats>> stats) {
        Map<String, String> targets =
                targets(schema.tables().stream().map(t -> t.table().name()).toList(), "table");
        List<Draft.Table> tables = new ArrayList<>();
        for (SqliteSchema.Table table : schema.tables()) {
            tableTargets.put(
                    lower(table.table().name()), targets.get(table.table().name()));
        }
        for (SqliteSchema.Table table : schema.tables()) {
            tables.add(table(
                    table,
                    stats.get(table.table().name()),
                    targets.get(table.table().name())));
        }
        List<String> foreignKeys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (SqliteSchema.Table table : schema.tables()) {
            for (SqliteSchema.ForeignKey key : table.foreignKeys()) {
                foreignKey(table.table(), key, foreignKeys);
            }
            for (SqliteSchema.Index index : table.indexes()) {
                if ("c".equals(index.origin())) {
                    index(table.table(), index, indexes);
                }
            }
        }
        for (SqliteSchema.Named trigger : schema.triggers()) {
            untranslated.add("trigger " + trigger.name() + ": SQLite trigger SQL; PostgreSQL needs a trigger function"
                    + " (and the cutover never disables triggers: one that writes would run for every copied row)");
        }
        for (SqliteSchema.Named view : schema.views()) {
            untranslated.add("view " + view.name() + ": kept as a comment above; its SQL is SQLite's");
        }
        return new Draft(tables, foreignKeys, indexes, untranslated, schema.views());
    }

    private Draft.Table table(SqliteSchema.Table schemaTable, List<ColumnStats> stats, String target) {
        SourceTable table = schemaTable.table();
        List<SourceColumn> pk = table.primaryKey();
        boolean rowidAlias = !table.withoutRowid()
                && pk.size() == 1
                && pk.get(0).declaredType() != null
                && pk.get(0).declaredType().strip().equalsIgnoreCase("INTEGER");
        Map<String, String> columnTargets =
                targets(table.columns().stream().map(SourceColumn::name).toList(), "column of " + table.name());
        Map<String, DraftColumn> byName = new LinkedHashMap<>();
        List<DraftColumn> columns = new ArrayList<>();
        long rows = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            SourceColumn column = table.columns().get(i);
            ColumnFacts facts = new ColumnFacts(
                    table.name(),
                    column.name(),
                    DeclaredType.of(column.declaredType()),
                    column.notNull(),
                    rowidAlias && column.inPrimaryKey(),
                    schemaTable.autoincrement(),
                    schemaTable.checks().stream().anyMatch(check -> isZeroOrOneCheck(check, column.name())));
            rows = stats.get(i).rows;
            ColumnProposal proposal = TypeInference.infer(facts, stats.get(i));
            DraftColumn drafted =
                    new DraftColumn(column.name(), columnTargets.get(column.name()), proposal, column.notNull(), null);
            String sqliteDefault = schemaTable.defaults().get(column.name());
            if (sqliteDefault != null && !proposal.identity()) {
                Translation d = DefaultTranslator.translate(sqliteDefault, drafted);
                if (d.translated()) {
                    drafted = new DraftColumn(drafted.source(), drafted.target(), proposal, drafted.notNull(), d.sql());
                } else {
                    untranslated.add(
                            table.name() + "." + column.name() + " DEFAULT " + sqliteDefault + ": " + d.refusal());
                }
            }
            columns.add(drafted);
            byName.put(lower(column.name()), drafted);
        }
        columnsByTable.put(lower(table.name()), byName);
        Set<List<String>> keys = new HashSet<>();
        keysByTable.put(lower(table.name()), keys);
        List<String> constraints = new ArrayList<>();
        if (!pk.isEmpty()) {
            List<String> pkNames = pk.stream().map(SourceColumn::name).toList();
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnStats column = stats.get(i);
                if (table.columns().get(i).inPrimaryKey() && !rowidAlias && column.rows > column.nonNull) {
                    untranslated.add("table " + table.name() + " PRIMARY KEY: "
                            + TypeInference.count(column.rows - column.nonNull) + " rows hold NULL in "
                            + table.columns().get(i).name() + ", which SQLite allows outside an INTEGER PRIMARY"
                            + " KEY and PostgreSQL refuses; check lists them");
                }
            }
            constraints.add("PRIMARY KEY (" + columnList(byName, pkNames) + ")");
            keys.add(lowered(pkNames));
            primaryKeys.put(lower(table.name()), pkNames);
        }
        for (SqliteSchema.Index index : schemaTable.indexes()) {
            if ("u".equals(index.origin())) {
                List<String> unique = plainColumns(index.terms());
                if (unique != null && byName.keySet().containsAll(lowered(unique))) {
                    constraints.add("UNIQUE (" + columnList(byName, unique) + ")");
                    keys.add(lowered(unique));
                } else {
                    untranslated.add("table " + table.name() + " UNIQUE " + index.name() + ": not on plain columns");
                }
            } else if ("c".equals(index.origin())
                    && index.unique()
                    && index.where().isEmpty()) {
                List<String> unique = plainColumns(index.terms());
                if (unique != null) {
                    keys.add(lowered(unique));
                }
            }
        }
        for (List<SqlToken> check : schemaTable.checks()) {
            Translation t = ExpressionTranslator.translate(check, byName);
            if (t.translated()) {
                constraints.add("CHECK (" + t.sql() + ")");
            } else {
                untranslated.add("table " + table.name() + " CHECK (" + sqliteText(check) + "): " + t.refusal());
            }
        }
        return new Draft.Table(table.name(), target, rows, columns, constraints);
    }

    private void foreignKey(SourceTable table, SqliteSchema.ForeignKey key, List<String> out) {
        String shown = "table " + table.name() + " FOREIGN KEY (" + String.join(", ", key.columns()) + ") REFERENCES "
                + key.parent()
                + (key.parentColumns().isEmpty() ? "" : " (" + String.join(", ", key.parentColumns()) + ")");
        Map<String, DraftColumn> parent = columnsByTable.get(lower(key.parent()));
        if (parent == null) {
            untranslated.add(shown + ": no table " + key.parent() + " is copied");
            return;
        }
        List<String> parentColumns = key.parentColumns();
        if (parentColumns.isEmpty()) {
            parentColumns = primaryKeys.getOrDefault(lower(key.parent()), List.of());
        }
        Map<String, DraftColumn> child = columnsByTable.get(lower(table.name()));
        if (parentColumns.size() != key.columns().size()
                || !keysByTable.get(lower(key.parent())).contains(lowered(parentColumns))) {
            untranslated.add(shown + ": the referenced columns are not the primary key or UNIQUE in " + key.parent()
                    + " (PostgreSQL requires it)");
            return;
        }
        for (int i = 0; i < key.columns().size(); i++) {
            DraftColumn from = child.get(lower(key.columns().get(i)));
            DraftColumn to = parent.get(lower(parentColumns.get(i)));
            if (from == null || to == null) {
                untranslated.add(shown + ": names a column that does not exist");
                return;
            }
            if (!from.proposal().sqlType().equals(to.proposal().sqlType())) {
                untranslated.add(shown + ": " + table.name() + "." + from.source() + " is drafted as "
                        + from.proposal().sqlType() + " but " + key.parent() + "." + to.source() + " as "
                        + to.proposal().sqlType() + "; make them one type, then add the key");
                return;
            }
        }
        out.add("ALTER TABLE " + Names.quote(tableTargets.get(lower(table.name()))) + " ADD FOREIGN KEY ("
                + columnList(child, key.columns()) + ") REFERENCES "
                + Names.quote(tableTargets.get(lower(key.parent()))) + " (" + columnList(parent, parentColumns) + ")"
                + action("UPDATE", key.onUpdate()) + action("DELETE", key.onDelete()) + ";");
    }

    private static String action(String event, String action) {
        if (action == null || action.equalsIgnoreCase("NO ACTION")) {
            return "";
        }
        return " ON " + event + " " + action.toUpperCase(Locale.ROOT);
    }

    private void index(SourceTable table, SqliteSchema.Index index, List<String> out) {
        Translation t = IndexTranslator.translate(
                index,
                columnsByTable.get(lower(table.name())),
                tableTargets.get(lower(table.name())),
                names.target(index.name()));
        if (t.translated()) {
            out.add(t.sql());
        } else {
            untranslated.add("index " + index.name() + " on " + table.name() + ": " + t.refusal());
        }
    }

    /** Target names for source names, unique per scope: a name whose snake_case another already takes stays as is. */
    private Map<String, String> targets(List<String> sources, String scope) {
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, String> taken = new HashMap<>();
        for (String source : sources) {
            taken.put(source, source);
        }
        for (String source : sources) {
            String target = names.target(source);
            String holder = taken.get(target);
            if (holder != null && !holder.equals(source)) {
                untranslated.add(scope + " " + source + ": its snake_case name " + target + " is taken by " + holder
                        + "; kept as " + source);
                target = source;
            }
            taken.put(target, source);
            targets.put(source, target);
        }
        return targets;
    }

    /** {@code col IN (0, 1)}: SQLAlchemy's CHECK for a Boolean on SQLite. */
    static boolean isZeroOrOneCheck(List<SqlToken> check, String column) {
        if (check.size() != 7 || !check.get(0).isName() || !check.get(0).text().equalsIgnoreCase(column)) {
            return false;
        }
        String rest = check.subList(1, 7).stream().map(SqlToken::upper).reduce("", (a, b) -> a + " " + b);
        return rest.equals(" IN ( 0 , 1 )") || rest.equals(" IN ( 1 , 0 )");
    }

    /** The column names of index terms that are plain columns; null when one is an expression. */
    private static List<String> plainColumns(List<List<SqlToken>> terms) {
        List<String> columns = new ArrayList<>();
        for (List<SqlToken> term : terms) {
            if (term.isEmpty() || !term.get(0).isName()) {
                return null;
            }
            for (int i = 1; i < term.size(); i++) {
                SqlToken t = term.get(i);
                if (!(t.isWord("ASC")
                        || t.isWord("DESC")
                        || t.isWord("COLLATE")
                        || i > 1 && term.get(i - 1).isWord("COLLATE"))) {
                    return null;
                }
            }
            columns.add(term.get(0).text());
        }
        return columns;
    }

    private static String columnList(Map<String, DraftColumn> columns, List<String> sources) {
        List<String> quoted = new ArrayList<>();
        for (String source : sources) {
            DraftColumn column = columns.get(lower(source));
            quoted.add(Names.quote(column == null ? source : column.target()));
        }
        return String.join(", ", quoted);
    }

    /** Tokens back as readable SQLite SQL, for the list of what was not translated. */
    static String sqliteText(List<SqlToken> tokens) {
        StringBuilder out = new StringBuilder();
        for (SqlToken t : tokens) {
            String piece = switch (t.kind()) {
                case STRING -> Names.literal(t.text());
                case IDENTIFIER -> Names.quote(t.text());
                default -> t.text();
            };
            if (!out.isEmpty()
                    && t.kind() != Kind.CLOSE
                    && t.kind() != Kind.COMMA
                    && out.charAt(out.length() - 1) != '(') {
                out.append(' ');
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static List<String> lowered(List<String> names) {
        return names.stream().map(SchemaDraft::lower).toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
