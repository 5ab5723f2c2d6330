package dev.lite2pg.validate;

import dev.lite2pg.jobfile.VerifyQuery;
import dev.lite2pg.postgres.PgSql;
import dev.lite2pg.report.VerifyQueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Runs the job's own verification queries: each SQLite query on the snapshot (opened read-only), each PostgreSQL
 * query on the target in a READ ONLY transaction with the target schema first on the search_path, and compares the
 * rows they return.
 *
 * <p>Rows are compared as text, regardless of their order: the two databases sort text by different collations, so
 * the same {@code ORDER BY} may list the same rows differently. Numbers of any type compare by value (so SQLite's
 * {@code 3}, PostgreSQL's {@code 3::bigint} and {@code 3.00::numeric} are equal), booleans as {@code 1} and {@code 0}
 * (as SQLite holds them), bytes as hex, NULL as NULL, and every other value as its database prints it as text.
 */
public final class VerifyQueries {

    /** Rows held per side: the queries are meant to be aggregates, and both sides are held in memory to compare. */
    static final int MAX_ROWS = 100_000;

    static final int SHOWN_DIFFERENCES = 5;

    /** How a NULL sorts and counts, apart from any text value, including the text {@code NULL}. */
    private static final String NULL_KEY = "\u0000NULL";

    private static final char SEPARATOR = '\u0001';

    private VerifyQueries() {}

    public static List<VerifyQueryResult> run(
            List<VerifyQuery> queries, Connection snapshot, DataSource target, String targetSchema) {
        List<VerifyQueryResult> results = new ArrayList<>();
        for (VerifyQuery q : queries) {
            List<List<String>> sqliteRows;
            try {
                sqliteRows = sqliteRows(snapshot, q.sqlite());
            } catch (SQLException | TooManyRows e) {
                results.add(new VerifyQueryResult(q.name(), -1, -1, List.of(), "SQLite: " + e.getMessage()));
                continue;
            }
            List<List<String>> postgresRows;
            try {
                postgresRows = postgresRows(target, targetSchema, q.postgres());
            } catch (SQLException | TooManyRows e) {
                results.add(new VerifyQueryResult(
                        q.name(), sqliteRows.size(), -1, List.of(), "PostgreSQL: " + e.getMessage()));
                continue;
            }
            results.add(compare(q.name(), sqliteRows, postgresRows));
        }
        return results;
    }

    /** Why the verdict is FAIL because of this query; empty when both sides returned the same rows. */
    public static Optional<String> problem(VerifyQueryResult r) {
        if (r.matches()) {
            return Optional.empty();
        }
        if (r.error() != null) {
            return Optional.of("verification query '" + r.name() + "' could not run on " + r.error()
                    + "; fix it in the job file's verify section");
        }
        return Optional.of("verification query '" + r.name() + "' differs: SQLite returned " + r.sqliteRows()
                + " row(s), PostgreSQL " + r.postgresRows() + "; " + String.join("; ", r.firstDifferences()));
    }

    /** The two sides' rows as a multiset: the rows only one side returned, the first few of each side, sorted. */
    static VerifyQueryResult compare(String name, List<List<String>> sqlite, List<List<String>> postgres) {
        TreeMap<String, Integer> balance = new TreeMap<>();
        TreeMap<String, List<String>> shown = new TreeMap<>();
        for (List<String> row : sqlite) {
            String key = key(row);
            balance.merge(key, 1, Integer::sum);
            shown.putIfAbsent(key, row);
        }
        for (List<String> row : postgres) {
            String key = key(row);
            balance.merge(key, -1, Integer::sum);
            shown.putIfAbsent(key, row);
        }
        List<String> onlySqlite = new ArrayList<>();
        List<String> onlyPostgres = new ArrayList<>();
        balance.forEach((key, n) -> {
            List<String> side = n > 0 ? onlySqlite : onlyPostgres;
            for (int i = 0; i < Math.abs(n) && side.size() < SHOWN_DIFFERENCES; i++) {
                side.add(display(shown.get(key)));
            }
        });
        List<String> differences = new ArrayList<>();
        onlySqlite.forEach(row -> differences.add("only in SQLite: " + row));
        onlyPostgres.forEach(row -> differences.add("only in PostgreSQL: " + row));
        return new VerifyQueryResult(name, sqlite.size(), postgres.size(), differences, null);
    }

    /** A value as the comparison sees it; see the class comment. */
    static String text(Object value, ResultSet rs, int column) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? number(BigDecimal.valueOf(d)) : String.valueOf(d);
        }
        if (value instanceof BigDecimal d) {
            return number(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return i.toString();
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        return rs == null ? value.toString() : rs.getString(column);
    }

    private static String number(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static List<List<String>> sqliteRows(Connection snapshot, String sql) throws SQLException, TooManyRows {
        try (Statement st = snapshot.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static List<List<String>> postgresRows(DataSource target, String schema, String sql)
            throws SQLException, TooManyRows {
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL search_path TO " + PgSql.quote(schema));
                try (ResultSet rs = st.executeQuery(sql)) {
                    return rows(rs);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException, TooManyRows {
        int width = rs.getMetaData().getColumnCount();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            if (rows.size() == MAX_ROWS) {
                throw new TooManyRows();
            }
            List<String> row = new ArrayList<>(width);
            for (int i = 1; i <= width; i++) {
                row.add(text(rs.getObject(i), rs, i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String key(List<String> row) {
        StringBuilder key = new StringBuilder();
        for (String value : row) {
            key.append(value == null ? NULL_KEY : value).append(SEPARATOR);
        }
        return key.toString();
    }

    private static String display(List<String> row) {
        List<String> shown = new ArrayList<>(row.size());
        for (String value : row) {
            shown.add(value == null ? "NULL" : value);
        }
        return "(" + String.join(", ", shown) + ")";
    }

    private static final class TooManyRows extends Exception {
        TooManyRows() {
            super(String.format(
                    Locale.ROOT,
                    "returned more than %,d rows; let it return aggregates (count, sum, min, max) instead",
                    MAX_ROWS));
        }
    }
}
