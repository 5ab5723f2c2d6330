package dev.lite2pg.jobfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The job file's {@code schema} section: who builds the target schema, and which of its rows the copy may replace.
 *
 * @param migrate true: lite2pg runs the Flyway migrations in {@code locations}; false: the schema is already there,
 *     built by another tool (the application's own migrations, e.g. {@code alembic upgrade head}), and is used as it is
 * @param locations Flyway locations of the target schema's migrations, as written; empty when {@code migrate} is false
 * @param baselineVersion when set, a schema that exists without Flyway's history is taken to be at this version
 *     (Flyway's baseline) and only newer migrations are applied
 * @param replaceRows target tables the migrations fill and the copy also fills (e.g. {@code alembic_version}): the
 *     source's rows replace theirs. Any other copied table holding rows is refused.
 */
public record SchemaSpec(
        boolean migrate, List<String> locations, Optional<String> baselineVersion, Set<String> replaceRows) {

    public SchemaSpec {
        locations = List.copyOf(locations);
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        replaceRows = Set.copyOf(replaceRows);
    }

    /** Flyway builds the schema from {@code locations}; nothing baselined, no row replaced. */
    public static SchemaSpec flyway(List<String> locations) {
        return new SchemaSpec(true, locations, Optional.empty(), Set.of());
    }
}
