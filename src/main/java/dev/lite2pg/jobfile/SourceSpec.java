package dev.lite2pg.jobfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The SQLite database to copy.
 *
 * @param path as written: a relative path resolves against the working directory, because operators run
 *     jobs from the project root ({@code jobs/x.yml} next to {@code data/x.sqlite})
 */
public record SourceSpec(Path path) {
    public SourceSpec {
        Objects.requireNonNull(path, "path");
    }
}
