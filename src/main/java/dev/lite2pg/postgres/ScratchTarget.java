package dev.lite2pg.postgres;

import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.jobfile.TargetSpec;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database that lives only as long as one command, for commands that need the target schema but must
 * not touch the real target (check, dry-run) and for the demo: either an embedded server started for the command,
 * or a temporary database ({@code lite2pg_<purpose>_<random>}) created on a real server and dropped on close, even
 * after a failure, and by a shutdown hook when the process is stopped (Ctrl-C) before that.
 */
public final class ScratchTarget implements AutoCloseable {

    /** The superuser of the embedded server; it takes a password made for the one run (SCRAM), no other login. */
    public static final String EMBEDDED_USER = "postgres";
    /** SQLSTATE insufficient_privilege: the user lacks CREATEDB. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String url;
    private final String user;
    private final TargetCredentials credentials;
    private final String description;
    private final Runnable remove;
    private final Thread onExit;
    private boolean closed;

    private ScratchTarget(String url, String user, TargetCredentials credentials, String description, Runnable remove) {
        this.url = url;
        this.user = user;
        this.credentials = credentials;
        this.description = description;
        this.remove = remove;
        this.onExit = new Thread(remove, "lite2pg-scratch-target-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts an embedded PostgreSQL (a few seconds; its binaries come with lite2pg). It listens on localhost, where any
     * local user could connect, so its superuser has a random password made for this run (SCRAM, for TCP and the
     * unix socket alike) that only this process knows; its binaries and data live in {@link #embeddedFolder()},
     * which only this OS user may enter, never in a folder shared with other users where a planted binary would run.
     */
    public static ScratchTarget embedded() {
        return embedded(embeddedFolder());
    }

    /** The private folder of the embedded servers: extracted binaries (kept between runs) and each run's data folder. */
    static Path embeddedFolder() {
        return Path.of(System.getProperty("user.home"), ".cache", "lite2pg", "embedded-pg");
    }

    static ScratchTarget embedded(Path folder) {
        String password = randomHex(24);
        Path data = null;
        EmbeddedPostgres postgres;
        try {
            PrivateFolder.ensure(folder);
            data = PrivateFolder.createTemporary(folder, "data-");
            Path passwordFile = PrivateFolder.createTemporaryFile(folder, "initdb-password-");
            try {
                Files.writeString(passwordFile, password + "\n");
                postgres = EmbeddedPostgres.builder()
                        // The builder makes its working folder writable for all (a folder shared by every user was its
                        // default): one level down, behind the private folder, no one else can reach it.
                        .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                        .setDataDirectory(data)
                        // initdb arguments, after the builder's own "-A trust": the last --auth wins.
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString())
                        // for the builder's own readiness check, a JDBC login (never part of a URL or a log line)
                        .setConnectConfig("password", password)
                        .start();
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            PrivateFolder.restrict(folder.resolve("binaries"));
        } catch (IOException | RuntimeException e) {
            if (data != null) {
                PrivateFolder.deleteQuietly(data); // what initdb made of it before the failure
            }
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "cannot start an embedded PostgreSQL in " + folder + ": " + e.getMessage()
                            + ". Give a server instead (--target-url, or a target section in the job file).",
                    e);
        }
        return new ScratchTarget(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                EMBEDDED_USER,
                TargetCredentials.generated(password, "lite2pg (made for the embedded server)"),
                "an embedded PostgreSQL on port " + postgres.getPort(),
                () -> {
                    try {
                        postgres.close(); // removes the data directory too
                    } catch (IOException ignored) {
                        // its data directory is temporary and the server process is gone with this JVM
                    }
                });
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * Creates {@code lite2pg_<purpose>_<random>} on the server, connecting to the database of its URL as its user, who
     * needs the CREATEDB privilege. The target's own database is never written to.
     */
    public static ScratchTarget onServer(TargetSpec server, TargetCredentials credentials, String purpose) {
        String name = "lite2pg_" + purpose + "_" + randomHex(6);
        String serverUrl = server.url();
        String user = server.user();
        String redacted = server.redactedUrl();
        String secret = credentials.password().orElse(null);
        try (Connection admin = connect(serverUrl, user, secret);
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + PgSql.quote(name));
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "user " + user + " may not create databases on " + redacted
                                + " (" + e.getMessage() + "): lite2pg " + purpose
                                + " applies the migrations to a scratch database there,"
                                + " dropped afterwards, and never to the target itself. Grant it with ALTER ROLE "
                                + PgSql.quote(user)
                                + " CREATEDB, or run without a target server (no --target-url, no target section) to use an embedded"
                                + " PostgreSQL.",
                        e);
            }
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED,
                    "cannot create the scratch database " + name + " on " + redacted + " as " + user + ": "
                            + TargetConnection.reason(e).orElse(e.getMessage()),
                    e);
        }
        return new ScratchTarget(
                withDatabase(serverUrl, name),
                user,
                credentials,
                "scratch database " + name + " on " + redacted,
                () -> drop(serverUrl, redacted, user, secret, name));
    }

    private static void drop(String serverUrl, String redacted, String user, String password, String name) {
        try (Connection admin = connect(serverUrl, user, password);
                Statement st = admin.createStatement()) {
            // FORCE (PostgreSQL 13+) ends sessions a failure may have left behind; without it the drop would wait on
            // them.
            boolean force = admin.getMetaData().getDatabaseMajorVersion() >= 13;
            st.execute("DROP DATABASE IF EXISTS " + PgSql.quote(name) + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not drop the scratch database " + name + " on " + redacted + ": " + e.getMessage()
                            + "; drop it with: DROP DATABASE " + PgSql.quote(name),
                    e);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /**
     * The same URL naming another database: {@code jdbc:postgresql://host:port/db?params} and
     * {@code jdbc:postgresql:db?params} forms, several hosts included; the parameters are kept.
     */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        String prefix = "jdbc:postgresql:";
        if (!head.startsWith(prefix + "//")) {
            return prefix + database + params;
        }
        int slash = head.indexOf('/', prefix.length() + 2);
        return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + params;
    }

    /** The JDBC URL of the scratch database; holds no password. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The password to connect with, if any: the server's for a scratch database, a made one for the embedded server. */
    public TargetCredentials credentials() {
        return credentials;
    }

    /** Plain connections, no pool: a scratch database serves a handful of statements. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        credentials.password().ifPresent(dataSource::setPassword);
        return dataSource;
    }

    /** What it is, for the console: no password, the URL redacted. */
    public String description() {
        return description;
    }

    /** Stops the embedded server or drops the scratch database; once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is running or about to: it removes the database
        }
        remove.run();
    }

    @Override
    public String toString() {
        return "ScratchTarget[" + description + "]";
    }
}
