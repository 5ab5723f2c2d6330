package dev.lite2pg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests write a job file (README "Job file"): {@code JobFile.named("shop").source(db).target(db)...writeTo(file)}.
 * Every value is written as a double-quoted YAML string, so paths, URLs and schema names with spaces, quotes or
 * backslashes arrive as they are. Keys are written in the README's order: name, source, target, schema, then
 * {@link #extra} verbatim, chunk-size and output.
 *
 * @param extra YAML keys a test adds as they are (mapping, conversions, on-bad-row, metrics, ...), each line ending in
 *              a newline; empty for none
 */
public record JobFile(
        String name,
        Path source,
        String url,
        String user,
        String schema,
        Path migrations,
        String extra,
        Integer chunkSize,
        Path output) {

    /** The bike shop's migrations in this project (what {@code lite2pg demo} and {@code DemoDatabase} use). */
    public static final Path DEMO_MIGRATIONS = Path.of("sql", "demo").toAbsolutePath();

    public static JobFile named(String name) {
        return new JobFile(name, null, null, null, null, null, "", null, null);
    }

    /** The bike shop job: named demo, into schema demo with the project's demo migrations. */
    public static JobFile demo(Path source, TestDatabase db) {
        return named("demo").source(source).target(db).schema("demo").migrations(DEMO_MIGRATIONS);
    }

    /** Writes {@code sql} as the only migration {@code V1__schema.sql} of the folder (created if need be); returns the folder. */
    public static Path migration(Path folder, String sql) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("V1__schema.sql"), sql);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JobFile source(Path path) {
        return new JobFile(name, path, url, user, schema, migrations, extra, chunkSize, output);
    }

    /** The database's URL and user (its password is the environment's: {@link TestDatabase#environment()}). */
    public JobFile target(TestDatabase db) {
        return target(db.url(), db.user());
    }

    /** A target by URL and user, for job files that are only parsed. */
    public JobFile target(String targetUrl, String targetUser) {
        return new JobFile(name, source, targetUrl, targetUser, schema, migrations, extra, chunkSize, output);
    }

    /** The target schema ({@code target.schema}). */
    public JobFile schema(String targetSchema) {
        return new JobFile(name, source, url, user, targetSchema, migrations, extra, chunkSize, output);
    }

    /** The folder of Flyway migrations ({@code schema.locations: [ filesystem:<folder> ]}). */
    public JobFile migrations(Path folder) {
        return new JobFile(name, source, url, user, schema, folder, extra, chunkSize, output);
    }

    /** Adds YAML keys as they are, each line ending in a newline. */
    public JobFile extra(String yaml) {
        return new JobFile(name, source, url, user, schema, migrations, extra + yaml, chunkSize, output);
    }

    public JobFile chunkSize(int rows) {
        return new JobFile(name, source, url, user, schema, migrations, extra, rows, output);
    }

    public JobFile output(Path folder) {
        return new JobFile(name, source, url, user, schema, migrations, extra, chunkSize, folder);
    }

    /** The job file's YAML. */
    public String yaml() {
        StringBuilder yaml = new StringBuilder("name: ").append(quoted(name)).append('\n');
        if (source != null) {
            yaml.append("source:\n  path: ").append(quoted(source.toString())).append('\n');
        }
        if (url != null) {
            yaml.append("target:\n  url: ")
                    .append(quoted(url))
                    .append("\n  user: ")
                    .append(quoted(user))
                    .append('\n');
            if (schema != null) {
                yaml.append("  schema: ").append(quoted(schema)).append('\n');
            }
        }
        if (migrations != null) {
            yaml.append("schema:\n  locations: [ ")
                    .append(quoted("filesystem:" + migrations))
                    .append(" ]\n");
        }
        yaml.append(extra);
        if (chunkSize != null) {
            yaml.append("chunk-size: ").append(chunkSize).append('\n');
        }
        if (output != null) {
            yaml.append("output: ").append(quoted(output.toString())).append('\n');
        }
        return yaml.toString();
    }

    /** Writes the job file (replacing the file) and returns its path. */
    public Path writeTo(Path file) {
        try {
            return Files.writeString(file, yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML double-quoted scalar: backslash and double quote escaped. */
    public static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
