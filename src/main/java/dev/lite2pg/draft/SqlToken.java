package dev.lite2pg.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One token of SQLite's SQL as {@code sqlite_master} keeps it: enough of its lexer to find CHECK constraints, index
 * terms and defaults, and to translate the simple expressions among them. Comments and whitespace are dropped.
 *
 * @param text for {@link Kind#IDENTIFIER} the name without its quotes; for {@link Kind#STRING} the value without its
 *     quotes (doubled quotes undone); otherwise the token as written
 */
record SqlToken(Kind kind, String text) {

    enum Kind {
        WORD,
        IDENTIFIER,
        STRING,
        NUMBER,
        BLOB,
        OPERATOR,
        OPEN,
        CLOSE,
        COMMA,
        SEMICOLON
    }

    /** A bare word or a quoted identifier: either may name a column. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.IDENTIFIER;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int end = quotedEnd(sql, i + 1, '\'');
                tokens.add(new SqlToken(Kind.BLOB, sql.substring(i, end)));
                i = end;
            } else if (c == '\'') {
                int end = quotedEnd(sql, i, '\'');
                tokens.add(new SqlToken(Kind.STRING, unquote(sql.substring(i + 1, end - 1), '\'')));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = quotedEnd(sql, i, c);
                tokens.add(new SqlToken(Kind.IDENTIFIER, unquote(sql.substring(i + 1, end - 1), c)));
                i = end;
            } else if (c == '[') {
                int end = sql.indexOf(']', i);
                end = end < 0 ? n : end;
                tokens.add(new SqlToken(Kind.IDENTIFIER, sql.substring(i + 1, end)));
                i = end + 1;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')
                        || i < n
                                && (sql.charAt(i) == '+' || sql.charAt(i) == '-')
                                && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')) {
                    i++;
                }
                tokens.add(new SqlToken(Kind.NUMBER, sql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c > 127) {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(sql.charAt(i))
                                || sql.charAt(i) == '_'
                                || sql.charAt(i) == '$'
                                || sql.charAt(i) > 127)) {
                    i++;
                }
                tokens.add(new SqlToken(Kind.WORD, sql.substring(start, i)));
            } else if (c == '(') {
                tokens.add(new SqlToken(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new SqlToken(Kind.CLOSE, ")"));
                i++;
            } else if (c == ',') {
                tokens.add(new SqlToken(Kind.COMMA, ","));
                i++;
            } else if (c == ';') {
                tokens.add(new SqlToken(Kind.SEMICOLON, ";"));
                i++;
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                String op = switch (two) {
                    case "==", "!=", "<>", "<=", ">=", "||", "<<", ">>" -> two;
                    default -> String.valueOf(c);
                };
                tokens.add(new SqlToken(Kind.OPERATOR, op));
                i += op.length();
            }
        }
        return tokens;
    }

    private static int quotedEnd(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String unquote(String inner, char quote) {
        String q = String.valueOf(quote);
        return inner.replace(q + q, q);
    }

    /** The index of the CLOSE matching the OPEN at {@code open}; the list's size when it is not closed. */
    static int matching(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.OPEN) {
                depth++;
            } else if (tokens.get(i).kind() == Kind.CLOSE && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /** The tokens between OPEN and CLOSE split at the commas of that level. */
    static List<List<SqlToken>> splitList(List<SqlToken> tokens, int open) {
        int close = matching(tokens, open);
        List<List<SqlToken>> parts = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            SqlToken t = tokens.get(i);
            if (t.kind() == Kind.OPEN) {
                depth++;
            } else if (t.kind() == Kind.CLOSE) {
                depth--;
            }
            if (t.kind() == Kind.COMMA && depth == 0) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        return parts;
    }
}
