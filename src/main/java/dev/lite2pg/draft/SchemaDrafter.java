package dev.lite2pg.draft;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.sqlite.SqliteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/** {@code draft-schema}: reads the SQLite file's schema and every value, writes the draft migration and its job file. */
public final class SchemaDrafter {

    /** What was written, for the command to print. */
    public record Result(Path migration, Path jobFile, int tables, long rows, int untranslated) {}

    private SchemaDrafter() {}

    /**
     * @param jobName the job's name, also the default folder and file names
     * @throws Lite2pgException (exit 2) when either file exists, naming it: a draft never replaces anything
     */
    public static Result run(Path source, Path migration, Path jobFile, String jobName, Names names, int threads) {
        Path migrationFile = migration.toAbsolutePath().normalize();
        Path job = jobFile.toAbsolutePath().normalize();
        refuseExisting(migrationFile);
        refuseExisting(job);
        if (!migrationFile.getFileName().toString().matches("V[0-9._]+__.+\\.sql")) {
            throw new Lite2pgException(
                    ErrorCode.USAGE,
                    "--out " + migration + ": Flyway runs only files named V<version>__<description>.sql,"
                            + " e.g. V1__baseline.sql");
        }
        Path sourceFile = source.toAbsolutePath().normalize();
        Draft draft;
        try (SqliteSource sqlite = SqliteSource.open(sourceFile)) {
            SqliteSchema schema = SqliteSchemaReader.read(sqlite);
            Map<String, List<ColumnStats>> stats = ValueScan.scan(sourceFile, schema.tables(), threads);
            draft = SchemaDraft.build(schema, stats, names);
        }
        String sql = DraftWriter.sql(draft, sourceFile.toString(), job.toString());
        String yaml =
                DraftJobFile.yaml(jobName, sourceFile, migrationFile.getParent(), names, draft.epochMilliseconds());
        // Both checked above; written with CREATE_NEW so that a file made meanwhile is refused, not replaced.
        writeNew(migrationFile, sql, true);
        writeNew(job, yaml, false);
        return new Result(
                migrationFile,
                job,
                draft.tables().size(),
                draft.rows(),
                draft.untranslated().size());
    }

    /** The job name a source file suggests: its name without extension, in the characters a job name allows. */
    public static String jobName(Path source) {
        String file = source.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String name = (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9_.-]", "-");
        return name.isEmpty() ? "draft" : name;
    }

    private static void refuseExisting(Path file) {
        if (Files.exists(file)) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    file + " already exists; draft-schema never replaces a file. Nothing was written."
                            + " Move it away or choose another path (--out, --job-out).");
        }
    }

    /**
     * Creates the file, refusing one made since the check. Values are quoted in the draft's comments: a file holding
     * them is the owner's alone (0600) before a byte is written.
     */
    private static void writeNew(Path file, String text, boolean holdsData) {
        try {
            Files.createDirectories(file.getParent());
            if (holdsData && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, file + " already exists; draft-schema never replaces a file", e);
        } catch (IOException e) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
