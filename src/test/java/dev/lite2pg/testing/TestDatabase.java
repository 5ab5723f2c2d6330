package dev.lite2pg.testing;

import java.sql.Connection;
import java.sql.SQLException;

/** A fresh database on the test server, dropped on close. */
public record TestDatabase(String url, String name, String user, String password, Runnable dropper) implements AutoCloseable {

    public Connection connect() throws SQLException {
        return TestPostgres.connect(url, user, password);
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
