package dev.lite2pg.jobfile;

import dev.lite2pg.sqlite.IntegrityCheck;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The SQLite database to copy.
 *
 * @param path as written: a relative path resolves against the working directory, because operators run
 *     jobs from the project root ({@code jobs/x.yml} next to {@code data/x.sqlite})
 * @param integrityCheck SQLite's check the source must pass before anything is read
 */
public record SourceSpec(Path path, IntegrityCheck integrityCheck) {
    public SourceSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(integrityCheck, "integrityCheck");
    }

    /** With the default check, {@code quick_check}. */
    public SourceSpec(Path path) {
        this(path, IntegrityCheck.QUICK);
    }
}
