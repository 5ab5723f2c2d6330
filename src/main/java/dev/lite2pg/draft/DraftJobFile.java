package dev.lite2pg.draft;

import java.nio.file.Path;
import java.util.List;

/**
 * The job file written beside the draft, which {@code check} runs as it is. Paths are absolute, so the file means the
 * same wherever it is read from (from the working directory, or from its own folder).
 */
final class DraftJobFile {

    private DraftJobFile() {}

    /** @param epochMilliseconds source {@code table.column}s whose numbers are epoch milliseconds */
    static String yaml(String name, Path source, Path migrationFolder, Names names, List<String> epochMilliseconds) {
        StringBuilder conversions = new StringBuilder();
        if (!epochMilliseconds.isEmpty()) {
            conversions.append("conversions:\n  columns:\n");
            for (String column : epochMilliseconds) {
                conversions.append("    ").append(quoted(column)).append(": { epoch-numbers: milliseconds }\n");
            }
        }
        return "# Drafted by lite2pg draft-schema with the migration in " + migrationFolder + ".\n"
                + "# Review both, then: lite2pg check --job <this file>; lite2pg dry-run; lite2pg cutover --target-url ...\n"
                + "name: " + quoted(name) + "\n"
                + "source:\n"
                + "  path: " + quoted(source.toString()) + "\n"
                + "schema:\n"
                + "  locations: [ " + quoted("filesystem:" + migrationFolder) + " ]\n"
                + "mapping:\n"
                + "  names: " + names.mappingRule() + "\n"
                + conversions;
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
