package dev.lite2pg.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads which row and column of a COPY PostgreSQL refused, and why, from its error report: the context line
 * ({@code COPY t, line 3, column c: "x"}), the column field (NOT NULL) and the constraint field (unique, CHECK).
 */
public final class PostgresRefusal {

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

    private static Matcher copyContext(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null || server.getWhere() == null) {
            return null;
        }
        Matcher m = COPY_LINE.matcher(server.getWhere());
        return m.find() ? m : null;
    }
}
