package dev.lite2pg.draft;

import dev.lite2pg.draft.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates the simple SQLite expressions of CHECK constraints, index terms and partial-index conditions into
 * PostgreSQL: comparisons, IN lists, LIKE, IS NULL, AND/OR/NOT, arithmetic and a few functions both databases define
 * alike, over the table's own columns. Anything else is refused with the reason, never guessed: the draft then keeps
 * it as a comment for a person to translate.
 */
final class ExpressionTranslator {

    private static final Set<String> KEYWORDS = Set.of(
            "AND", "OR", "NOT", "IS", "NULL", "IN", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "TRUE", "FALSE");
    private static final Set<String> FUNCTIONS =
            Set.of("lower", "upper", "length", "coalesce", "abs", "trim", "ltrim", "rtrim", "substr", "round");
    private static final Set<String> OPERATORS =
            Set.of("=", "==", "!=", "<>", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "||");
    /** Types whose values SQLite compared as text or numbers, where PostgreSQL compares something else. */
    private static final Set<Candidate> RETYPED = Set.of(
            Candidate.JSON,
            Candidate.JSONB,
            Candidate.UUID,
            Candidate.BYTEA,
            Candidate.TIMESTAMP,
            Candidate.TIMESTAMP_MILLIS,
            Candidate.TIMESTAMPTZ,
            Candidate.DATE);

    private ExpressionTranslator() {}

    /** @param columns the table's drafted columns by lower-cased source name */
    static Translation translate(List<SqlToken> tokens, Map<String, DraftColumn> columns) {
        StringBuilder out = new StringBuilder();
        DraftColumn booleanContext = null;
        int booleanDepth = -1;
        int depth = 0;
        boolean afterFunction = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            String piece;
            DraftColumn column = t.isName() ? columns.get(t.text().toLowerCase(Locale.ROOT)) : null;
            if (column != null && !(t.kind() == Kind.WORD && next != null && next.kind() == Kind.OPEN)) {
                if (RETYPED.contains(column.proposal().candidate()) && !(next != null && next.isWord("IS"))) {
                    return Translation.refused("column " + column.source() + " is drafted as "
                            + column.proposal().sqlType()
                            + "; the expression was written for SQLite's text or numbers");
                }
                if (column.proposal().candidate() == Candidate.BOOLEAN) {
                    booleanContext = column;
                    booleanDepth = depth;
                }
                piece = Names.quote(column.target());
            } else {
                switch (t.kind()) {
                    case WORD -> {
                        String upper = t.upper();
                        if (KEYWORDS.contains(upper)) {
                            piece = upper;
                        } else if (upper.equals("LIKE")) {
                            // SQLite's LIKE ignores ASCII case; ILIKE accepts every row it accepted.
                            piece = "ILIKE";
                        } else if (FUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT))
                                && next != null
                                && next.kind() == Kind.OPEN) {
                            piece = t.text().toLowerCase(Locale.ROOT);
                        } else {
                            return Translation.refused(
                                    "'" + t.text() + "' is not a column of the table nor SQL both databases share");
                        }
                    }
                    case IDENTIFIER ->
                    // SQLite reads a double-quoted word that names no column as a string; PostgreSQL never does.
                    {
                        return Translation.refused("\"" + t.text() + "\" names no column of the table");
                    }
                    case STRING -> piece = Names.literal(t.text());
                    case NUMBER -> {
                        if (t.text().startsWith("0x") || t.text().startsWith("0X")) {
                            return Translation.refused("hexadecimal number " + t.text());
                        }
                        if (booleanContext != null) {
                            if (!t.text().equals("0") && !t.text().equals("1")) {
                                return Translation.refused("column " + booleanContext.source()
                                        + " is drafted as boolean and compared with " + t.text());
                            }
                            piece = t.text().equals("1") ? "true" : "false";
                        } else {
                            piece = t.text();
                        }
                    }
                    case OPERATOR -> {
                        if (!OPERATORS.contains(t.text())) {
                            return Translation.refused("operator " + t.text());
                        }
                        piece = t.text().equals("==") ? "=" : t.text();
                    }
                    case OPEN -> {
                        depth++;
                        piece = "(";
                    }
                    case CLOSE -> {
                        depth--;
                        piece = ")";
                    }
                    case COMMA -> piece = ",";
                    default -> {
                        return Translation.refused("'" + t.text() + "'");
                    }
                }
                if (booleanContext != null
                        && depth <= booleanDepth
                        && (t.kind() == Kind.CLOSE || t.isWord("AND") || t.isWord("OR"))) {
                    booleanContext = null;
                }
            }
            if (!out.isEmpty()
                    && !piece.equals(")")
                    && !piece.equals(",")
                    && !out.toString().endsWith("(")
                    && !(afterFunction && piece.equals("("))) {
                out.append(' ');
            }
            out.append(piece);
            afterFunction = t.kind() == Kind.WORD && column == null && FUNCTIONS.contains(piece);
        }
        if (out.isEmpty()) {
            return Translation.refused("empty expression");
        }
        return Translation.of(out.toString());
    }
}
