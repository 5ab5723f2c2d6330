package dev.lite2pg.catchup;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.report.ContentCheckResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catch-up's report, catch-up.md (for people) and catch-up.json (for machines) in its own folder: this catch-up's
 * changes per table and its validation, and every earlier catch-up of the same cutover run, so the last report tells
 * the whole story from the cutover to the switch.
 */
public final class CatchUpReport {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CatchUpReport() {}

    /**
     * @param history the run's catch-ups, oldest first, this one last
     * @param checked the content checks of this catch-up's validation
     */
    public static void write(
            JobDefinition job,
            String run,
            List<CatchUpLog.Entry> history,
            List<ContentCheckResult> checked,
            Duration took,
            Path folder) {
        CatchUpLog.Entry entry = history.get(history.size() - 1);
        try {
            PrivateFiles.folder(folder);
            PrivateFiles.writeString(folder.resolve("catch-up.md"), markdown(job, run, history, checked, took));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", job.name());
            json.put("run", run);
            json.put("seconds", took.toMillis() / 1000.0);
            json.put("catchUp", entry);
            json.put("contentChecks", checked);
            json.put("history", history);
            PrivateFiles.writeString(folder.resolve("catch-up.json"), JSON.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catch-up report into " + folder, e);
        }
    }

    static String markdown(
            JobDefinition job,
            String run,
            List<CatchUpLog.Entry> history,
            List<ContentCheckResult> checked,
            Duration took) {
        CatchUpLog.Entry entry = history.get(history.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("# Catch-up ")
                .append(entry.number())
                .append(" of job ")
                .append(job.name())
                .append(": ")
                .append(entry.verdict() == null ? "NOT VALIDATED" : entry.verdict())
                .append("\n\n");
        md.append("- cutover run: ").append(run).append('\n');
        md.append("- target: ")
                .append(job.target().redactedUrl())
                .append(" schema ")
                .append(job.target().schema())
                .append('\n');
        md.append("- source: ").append(entry.sourcePath()).append('\n');
        md.append("- snapshot: ")
                .append(entry.snapshot())
                .append(" (sha256 ")
                .append(entry.snapshotSha256())
                .append("), compared with the snapshot of sha256 ")
                .append(entry.baseSha256())
                .append('\n');
        md.append("- took: ")
                .append(String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0))
                .append(", applied at ")
                .append(entry.applied())
                .append(" in one transaction\n\n");
        if (!entry.problems().isEmpty()) {
            md.append("## Problems\n\n");
            entry.problems().forEach(p -> md.append("- ").append(p).append('\n'));
            md.append('\n');
        }
        md.append(
                "## Changes\n\n| table | inserted | updated | deleted | refused | rows now |\n|---|---:|---:|---:|---:|---:|\n");
        for (CatchUpLog.TableChanges t : entry.tables()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %,d | %,d | %,d |%n",
                    t.table(),
                    t.inserted(),
                    t.updated(),
                    t.deleted(),
                    t.refused(),
                    t.rows()));
        }
        if (entry.tables().isEmpty()) {
            md.append("| (no table changed) | | | | | |\n");
        }
        md.append("\n## Validation (changed tables compared in full with the snapshot; every table's row count)\n\n");
        md.append("| table | source rows | target rows | content |\n|---|---:|---:|---|\n");
        for (ContentCheckResult r : checked) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %s |%n",
                    r.table(),
                    r.sourceRows(),
                    r.targetRows(),
                    r.matches() ? "matches" : "DIFFERS: " + String.join("; ", r.firstDifferences())));
        }
        md.append("\n## Catch-ups of this run\n\n| # | applied | inserted | updated | deleted | refused | verdict |\n"
                + "|---:|---|---:|---:|---:|---:|---|\n");
        for (CatchUpLog.Entry e : history) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %,d | %,d | %,d | %,d | %s |%n",
                    e.number(),
                    e.applied(),
                    e.inserted(),
                    e.updated(),
                    e.deleted(),
                    e.refused(),
                    e.verdict() == null ? "not validated" : e.verdict()));
        }
        return md.toString();
    }
}
