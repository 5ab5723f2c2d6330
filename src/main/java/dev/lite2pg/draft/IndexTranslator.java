package dev.lite2pg.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SQLite index as PostgreSQL's CREATE INDEX: plain columns as they are, ASC/DESC kept, COLLATE BINARY dropped (it is
 * the default), expression terms and a partial index's WHERE through {@link ExpressionTranslator}. Pure.
 */
final class IndexTranslator {

    private IndexTranslator() {}

    /**
     * @param columns the table's drafted columns by lower-cased source name
     * @return the CREATE INDEX statement, or why the index was not translated
     */
    static Translation translate(
            SqliteSchema.Index index, Map<String, DraftColumn> columns, String tableTarget, String indexTarget) {
        List<String> terms = new ArrayList<>();
        String refusal = null;
        for (List<SqlToken> term : index.terms()) {
            List<SqlToken> expression = new ArrayList<>(term);
            String order = "";
            if (!expression.isEmpty()
                    && (expression.get(expression.size() - 1).isWord("ASC")
                            || expression.get(expression.size() - 1).isWord("DESC"))) {
                order = " " + expression.remove(expression.size() - 1).upper();
            }
            if (expression.size() >= 2 && expression.get(expression.size() - 2).isWord("COLLATE")) {
                if (!expression.get(expression.size() - 1).text().equalsIgnoreCase("BINARY")) {
                    refusal = "COLLATE " + expression.get(expression.size() - 1).text()
                            + " has no PostgreSQL equivalent here (use lower() or a nondeterministic collation)";
                    break;
                }
                expression = expression.subList(0, expression.size() - 2);
            }
            DraftColumn plain = expression.size() == 1 && expression.get(0).isName()
                    ? columns.get(expression.get(0).text().toLowerCase(Locale.ROOT))
                    : null;
            if (plain != null) {
                if (plain.proposal().candidate() == Candidate.JSON) {
                    refusal = "column " + plain.source() + " is drafted as json, which has no index operator class";
                    break;
                }
                terms.add(Names.quote(plain.target()) + order);
                continue;
            }
            Translation t = ExpressionTranslator.translate(expression, columns);
            if (!t.translated()) {
                refusal = t.refusal();
                break;
            }
            terms.add("(" + t.sql() + ")" + order);
        }
        String where = "";
        if (refusal == null && !index.where().isEmpty()) {
            Translation t = ExpressionTranslator.translate(index.where(), columns);
            if (t.translated()) {
                where = " WHERE " + t.sql();
            } else {
                refusal = t.refusal();
            }
        }
        if (refusal != null) {
            return Translation.refused(refusal);
        }
        return Translation.of("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + Names.quote(indexTarget)
                + " ON " + Names.quote(tableTarget) + " (" + String.join(", ", terms) + ")" + where + ";");
    }
}
