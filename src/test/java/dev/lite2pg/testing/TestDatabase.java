package dev.lite2pg.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database on the test server, dropped on close. */
public record TestDatabase(String url, String name, String user, String password, Runnable dropper)
        implements AutoCloseable {

    public Connection connect() throws SQLException {
        return TestPostgres.connect(url, user, password);
    }

    /** Every row of a query as text, columns as PostgreSQL prints them (session time zone UTC); null for SQL NULL. */
    public List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = st.executeQuery(sql)) {
                List<List<String>> rows = new ArrayList<>();
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= width; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The environment a cutover needs to log in, as an operator would set it. */
    public java.util.Map<String, String> environment() {
        return password == null ? java.util.Map.of() : java.util.Map.of("LITE2PG_TARGET_PASSWORD", password);
    }

    @Override
    public void close() {
        dropper.run();
    }
}
