package dev.lite2pg.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads which row and column of a COPY PostgreSQL refused, and why, from its error report: the context line
 * ({@code COPY t, line 3, column c: "x"}), the column field (NOT NULL) and the constraint field (unique, CHECK).
 */
public final class PostgresRefusal {

    /** A unique index's detail: {@code Key (a, lower(b))=(1, x) already exists.} */
    private static final Pattern DUPLICATE_KEY =
            Pattern.compile("^Key \\((.*)\\)=\\((.*)\\) already exists\\.?$", Pattern.DOTALL);

    private static final Pattern COPY_LINE = Pattern.compile("COPY [^\\n]*?, line (\\d+)(?:, column ([^:\\n]+))?");

    private PostgresRefusal() {}

    /** The 1-based line of the COPY data PostgreSQL stopped at, or -1 when the error names none. */
    public static int line(PSQLException e) {
        Matcher m = copyContext(e);
        return m == null ? -1 : Integer.parseInt(m.group(1));
    }

    /** The target column at fault, or null when the error is about the whole row (a unique index over several columns). */
    public static String column(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server != null && server.getColumn() != null) {
            return server.getColumn();
        }
        Matcher m = copyContext(e);
        return m == null ? null : m.group(2);
    }

    /** PostgreSQL's message, its detail (for a unique index, the duplicate key) and the constraint it names. */
    public static String reason(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null) {
            return e.getMessage();
        }
        StringBuilder text = new StringBuilder(server.getMessage());
        if (server.getDetail() != null) {
            text.append(" (").append(server.getDetail()).append(')');
        }
        if (server.getConstraint() != null && !text.toString().contains(server.getConstraint())) {
            text.append(" [constraint ").append(server.getConstraint()).append(']');
        }
        if (server.getSQLState() != null) {
            text.append(" [SQLSTATE ").append(server.getSQLState()).append(']');
        }
        return text.toString();
    }

    /**
     * @param columns the index's key columns or expressions, as PostgreSQL lists them
     * @param values the duplicate values, as PostgreSQL prints them
     */
    public record DuplicateKey(List<String> columns, String values) {}

    /**
     * The key a unique index refused, from the error's detail, or null for another error. Columns are split at commas
     * outside parentheses; an expression holding a comma in quotes may be split wrongly, and is then still shown whole
     * in the reason.
     */
    public static DuplicateKey duplicateKey(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null || server.getDetail() == null) {
            return null;
        }
        Matcher m = DUPLICATE_KEY.matcher(server.getDetail());
        return m.matches() ? new DuplicateKey(splitTopLevel(m.group(1)), m.group(2)) : null;
    }

    /**
     * What is counted together: PostgreSQL's message without the value it quotes, with the constraint it names
     * ({@code violates check constraint "orders_status_check"}, {@code invalid input value for enum status}).
     */
    public static String kind(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null) {
            return "refused by PostgreSQL";
        }
        String message = server.getMessage();
        int quotedValue = message.indexOf(": \"");
        String kind = "refused by PostgreSQL: " + (quotedValue > 0 ? message.substring(0, quotedValue) : message);
        if (server.getConstraint() != null && !kind.contains(server.getConstraint())) {
            kind += " [constraint " + server.getConstraint() + "]";
        }
        return kind;
    }

    /**
     * Whether the error is about the rows written (SQLSTATE class 22, data exception, or 23, integrity constraint
     * violation), not about the session or the server: only such an error may be pinned on a row.
     */
    public static boolean aboutTheData(PSQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).trim());
        return parts;
    }

    private static Matcher copyContext(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null || server.getWhere() == null) {
            return null;
        }
        Matcher m = COPY_LINE.matcher(server.getWhere());
        return m.find() ? m : null;
    }
}
