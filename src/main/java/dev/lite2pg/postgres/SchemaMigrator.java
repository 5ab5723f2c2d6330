package dev.lite2pg.postgres;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/** Builds the target schema with Flyway from the job's migrations; a schema already up to date is left alone. */
public final class SchemaMigrator {

    /**
     * Flyway's history table (its default name, set explicitly so that this is the one place that names it), in the
     * target schema: never an application table, and its indexes are Flyway's, not the application's.
     */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private SchemaMigrator() {}

    /**
     * What an operator needs of a failed migration: the file, the line and PostgreSQL's own words, without Flyway's
     * advice about its command-line options (lite2pg has none of them).
     */
    static String failure(FlywayException e, String schema, List<String> locations) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywaySqlScriptException script) {
                String statement = firstLine(script.getStatement());
                return "migration " + script.getResource().getAbsolutePathOnDisk() + ", line " + script.getLineNumber()
                        + ", does not apply to schema " + schema + ": " + sqlError(script.getCause())
                        + (statement.isEmpty() ? "" : " in: " + statement)
                        + ". Flyway rolled the migration back; fix the file and run the same command again.";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
                return "migration " + migrate.getMigration().getScript() + " does not apply to schema " + schema
                        + ": " + sqlError(migrate.getCause() == null ? migrate : migrate.getCause())
                        + ". Fix it and run the same command again.";
            }
        }
        return "the migrations in " + String.join(", ", locations) + " do not apply to schema " + schema + ": "
                + ADVICE.matcher(String.valueOf(e.getMessage())).replaceAll("").strip();
    }

    /** Flyway's hints at its own command line ("Run Flyway with -X option ..."), which lite2pg does not have. */
    private static final java.util.regex.Pattern ADVICE =
            java.util.regex.Pattern.compile("(?m)^.*(Run Flyway with -X|flyway (repair|migrate)).*$");

    /** PostgreSQL's message on one line, with its SQLSTATE. */
    private static String sqlError(Throwable cause) {
        String message = String.valueOf(cause.getMessage())
                .replaceAll("\\s*\\n\\s*", " ")
                .strip();
        return cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? message + " (SQLSTATE " + sql.getSQLState() + ")"
                : message;
    }

    private static String firstLine(String statement) {
        if (statement == null || statement.startsWith("Run Flyway with")) {
            return "";
        }
        String line = statement.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** @return a one-line summary for the console and the log */
    public static String migrate(DataSource dataSource, String schema, List<String> locations) {
        return migrate(dataSource, schema, locations, Optional.empty());
    }

    /**
     * @param baselineVersion when present, a schema that holds tables but no Flyway history (built by another tool) is
     *     recorded as being at this version and only newer migrations run; without it Flyway refuses such a schema
     * @return a one-line summary for the console and the log
     */
    public static String migrate(
            DataSource dataSource, String schema, List<String> locations, Optional<String> baselineVersion) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true);
        baselineVersion.ifPresent(
                version -> configuration.baselineOnMigrate(true).baselineVersion(version));
        MigrateResult result;
        try {
            result = configuration.load().migrate();
        } catch (FlywayException e) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, failure(e, schema, locations), e);
        }
        return result.migrationsExecuted + " migration(s) applied, schema " + schema + " at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
    }
}
