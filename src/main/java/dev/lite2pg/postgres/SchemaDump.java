package dev.lite2pg.postgres;

import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.jobfile.TargetSpec;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The definitions of a schema another tool built (schema.migrate: false), copied from the target into a scratch
 * database so that check can load rows into the same tables, CHECKs, unique indexes, enums and domains without writing
 * to the target: {@code pg_dump --schema-only} reads the target (it only reads: shared locks, a read-only snapshot).
 */
public final class SchemaDump {

    /** pg_dump runs on the machine's PATH unless this names the program. */
    public static final String PG_DUMP_VARIABLE = "LITE2PG_PG_DUMP";

    private static final long TIMEOUT_MINUTES = 10;

    private SchemaDump() {}

    /**
     * The schema's DDL as pg_dump writes it, without owners or privileges, read-only on the target.
     *
     * @param otherwise what the operator can do instead, for the refusals: e.g. "or run check --no-load"
     */
    public static String read(TargetSpec target, TargetCredentials credentials, String schema, String otherwise) {
        String program = pgDump(System.getenv(PG_DUMP_VARIABLE), System.getenv("PATH"), otherwise);
        ProcessBuilder builder = new ProcessBuilder(
                program,
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "--schema=" + quoted(schema),
                "--username=" + target.user(),
                "--dbname=" + libpqUri(target.url()));
        builder.environment().remove("PGPASSWORD");
        credentials.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        String where = target.redactedUrl();
        try {
            Path errors = Files.createTempFile("lite2pg-pg-dump-", ".err");
            try {
                builder.redirectError(errors.toFile());
                Process process = builder.start();
                process.getOutputStream().close();
                String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException("pg_dump did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
                if (process.exitValue() != 0) {
                    throw new Lite2pgException(
                            ErrorCode.PRECONDITION,
                            "pg_dump could not read the definitions of schema " + schema + " from " + where
                                    + " (exit " + process.exitValue() + "): "
                                    + Files.readString(errors).strip()
                                    + ". They are needed to build a scratch copy of the schema; use a pg_dump of"
                                    + " the server's major version or newer (" + PG_DUMP_VARIABLE + "), "
                                    + otherwise + ".");
                }
                return dump;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "cannot run " + program + " to read the definitions of schema " + schema + " from " + where + ": "
                            + e.getMessage() + ". Install the PostgreSQL client (pg_dump) or set " + PG_DUMP_VARIABLE
                            + ", " + otherwise + ".",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Lite2pgException(ErrorCode.JOB_FAILED, "interrupted while pg_dump read " + where, e);
        }
    }

    /** Applies the dump to the scratch database, in one transaction; the scratch holds nothing else of the schema. */
    public static void apply(DataSource scratch, String description, String schema, String dump, String otherwise) {
        String ddl = statements(dump);
        try (Connection connection = scratch.getConnection();
                Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            // A dump of "public" creates it again: the scratch database's own empty one goes first.
            if (ddl.contains("CREATE SCHEMA " + quoted(schema) + ";")) {
                st.execute("DROP SCHEMA IF EXISTS " + PgSql.quote(schema) + " CASCADE");
            }
            st.execute(ddl);
            connection.commit();
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the definitions of schema " + schema + " read from the target could not be built in "
                            + description + ": " + e.getMessage()
                            + " (an object of another schema, e.g. an extension's type, is not copied); " + otherwise
                            + ".",
                    e);
        }
    }

    /**
     * The SQL of a dump: psql meta-commands (the restrict and unrestrict lines current pg_dump releases write, each
     * starting with a backslash) are not SQL and go; comments and SET lines stay.
     */
    static String statements(String dump) {
        return dump.lines().filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A name as pg_dump's --schema pattern and its CREATE SCHEMA write it: quoted unless plain lower case. */
    static String quoted(String schema) {
        return schema.matches("[a-z_][a-z0-9_$]*") ? schema : PgSql.quote(schema);
    }

    /**
     * The libpq URI of a JDBC URL ({@code jdbc:postgresql://host:port/db} or {@code jdbc:postgresql:db}); of its
     * parameters only sslmode means the same to libpq, the others are pgjdbc's own and dropped.
     */
    static String libpqUri(String jdbcUrl) {
        String prefix = "jdbc:postgresql:";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(prefix.length());
        int query = rest.indexOf('?');
        String head = query < 0 ? rest : rest.substring(0, query);
        List<String> kept = query < 0
                ? List.of()
                : List.of(rest.substring(query + 1).split("&")).stream()
                        .filter(p -> p.toLowerCase(Locale.ROOT).startsWith("sslmode="))
                        .toList();
        String base = head.startsWith("//") ? "postgresql:" + head : "postgresql://localhost/" + head;
        return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    }

    /** The pg_dump to run: the variable's, else the first on the PATH; none found is a refusal naming both. */
    static String pgDump(String configured, String path, String otherwise) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, "pg_dump");
                if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new Lite2pgException(
                ErrorCode.PRECONDITION,
                "pg_dump not found on the PATH: lite2pg reads the definitions of a schema another tool built"
                        + " (schema.migrate: false) with it to build a scratch copy of the schema. Install the"
                        + " PostgreSQL client, set " + PG_DUMP_VARIABLE + " to its pg_dump, " + otherwise + ".");
    }
}
