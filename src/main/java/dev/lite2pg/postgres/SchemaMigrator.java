package dev.lite2pg.postgres;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/** Builds the target schema with Flyway from the job's migrations; a schema already up to date is left alone. */
public final class SchemaMigrator {

    /**
     * Flyway's history table (its default name, set explicitly so that this is the one place that names it), in the
     * target schema: never an application table, and its indexes are Flyway's, not the application's.
     */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private SchemaMigrator() {}

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
        MigrateResult result = configuration.load().migrate();
        return result.migrationsExecuted + " migration(s) applied, schema " + schema + " at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
    }
}
