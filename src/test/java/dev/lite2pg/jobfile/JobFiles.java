package dev.lite2pg.jobfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes job files for tests. */
final class JobFiles {
    static final String MINIMAL = """
            name: chinook
            source:
              path: data/chinook.sqlite
            target:
              url: jdbc:postgresql://127.0.0.1:5432/app
              user: postgres
            schema:
              locations: [ "filesystem:sql/chinook" ]
            """;

    private JobFiles() {}

    static Path write(Path directory, String yaml) {
        try {
            return Files.writeString(directory.resolve("job.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
