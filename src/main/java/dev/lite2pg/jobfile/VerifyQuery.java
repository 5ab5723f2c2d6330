package dev.lite2pg.jobfile;

import java.util.Objects;

/**
 * One of the job's own checks ({@code verify:} in the job file): a query for the SQLite snapshot and one for the
 * PostgreSQL target that must return the same rows after the copy.
 *
 * @param name how the report and the problems name it; unique within the job
 */
public record VerifyQuery(String name, String sqlite, String postgres) {
    public VerifyQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlite, "sqlite");
        Objects.requireNonNull(postgres, "postgres");
    }
}
