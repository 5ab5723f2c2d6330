package dev.lite2pg.jobfile;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and checks a job file once, so that the rest of the program only ever sees a valid {@link JobDefinition}. */
public final class JobFileLoader {
    /** YAML silently keeps the last of two equal keys; in a job file that hides a mistake, so it is refused. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JobFileLoader() {}

    /**
     * @throws Lite2pgException with {@link ErrorCode#JOB_FILE} when the file is missing, unreadable or invalid;
     *     the message lists every problem found, one per line, each naming its key
     */
    public static JobDefinition load(Path file) {
        return load(file, JobOverrides.NONE);
    }

    /**
     * The job file with {@code overrides} applied over it. Relative paths in the file resolve against the file's
     * folder; a target user given by the overrides makes target.user optional in the file.
     */
    public static JobDefinition load(Path file, JobOverrides overrides) {
        JsonNode root = parse(file, read(file));
        List<String> problems = new ArrayList<>();
        Path folder = file.toAbsolutePath().normalize().getParent();
        return JobFileReader.read(root, problems, folder, overrides.givesUser())
                .orElseThrow(() -> invalid(file, problems))
                .withOverrides(overrides);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FILE,
                    "job file " + file + " not found (looked for "
                            + file.toAbsolutePath().normalize() + ")",
                    e);
        } catch (CharacterCodingException e) {
            throw new Lite2pgException(ErrorCode.JOB_FILE, "job file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            String what = Files.isDirectory(file) ? "is a directory, not a file" : "cannot be read: " + e;
            throw new Lite2pgException(ErrorCode.JOB_FILE, "job file " + file + " " + what, e);
        }
    }

    private static JsonNode parse(Path file, String text) {
        try {
            return YAML.readTree(text);
        } catch (JacksonException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FILE,
                    "job file " + file + " is not valid YAML: " + e.getOriginalMessage() + locationOf(e),
                    e);
        }
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static Lite2pgException invalid(Path file, List<String> problems) {
        String header =
                "job file " + file + " has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:");
        return new Lite2pgException(
                ErrorCode.JOB_FILE,
                problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", header + "\n", "")));
    }
}
