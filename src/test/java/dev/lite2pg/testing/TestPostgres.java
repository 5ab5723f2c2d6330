package dev.lite2pg.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL server tests run against, never a mock: the one named by {@code LITE2PG_TEST_JDBC_URL} (user
 * {@code LITE2PG_TEST_USER}, default postgres; password {@code LITE2PG_TEST_PASSWORD}), else a Testcontainers
 * container where Docker runs, else an embedded PostgreSQL started once for the JVM. Each test gets its own fresh
 * database, so tests never see each other's rows or job repositories.
 */
public final class TestPostgres {

    private static Server server;

    private record Server(String adminUrl, String user, String password, String description) {}

    private TestPostgres() {}

    public static synchronized String description() {
        return server().description();
    }

    /** Creates an empty database; close the result to drop it. */
    public static TestDatabase createDatabase() {
        Server s = server();
        String name = "lite2pg_t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = connect(s.adminUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create test database on " + s.description() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(withDatabase(s.adminUrl(), name), name, s.user(), s.password(), () -> drop(s, name));
    }

    private static void drop(Server s, String name) {
        try (Connection c = connect(s.adminUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    /** Replaces the database name in a jdbc:postgresql://host:port/db?params URL. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String hostPart = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
        String params = query < 0 ? "" : url.substring(query);
        return hostPart + "/" + database + params;
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("LITE2PG_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("LITE2PG_TEST_USER", "postgres");
            server = new Server(
                    url,
                    user,
                    System.getenv("LITE2PG_TEST_PASSWORD"),
                    "PostgreSQL at " + url + " (LITE2PG_TEST_JDBC_URL)");
        } else if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            server = new Server(
                    container.getJdbcUrl(),
                    container.getUsername(),
                    container.getPassword(),
                    "Testcontainers " + container.getJdbcUrl());
        } else {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
                server = new Server(
                        embedded.getJdbcUrl("postgres", "postgres"),
                        "postgres",
                        null,
                        "embedded PostgreSQL on port " + embedded.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "no LITE2PG_TEST_JDBC_URL, no Docker, and the embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
