package dev.lite2pg.report;

import dev.lite2pg.output.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes report.json (for machines), report.md and report.html (for people) into the run's output folder. */
public final class ReportWriter {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {}

    public static Path write(RunReport report, Path folder) {
        try {
            PrivateFiles.writeString(folder.resolve("report.json"), json(report) + "\n");
            PrivateFiles.writeString(folder.resolve("report.md"), MarkdownReport.render(report));
            PrivateFiles.writeString(folder.resolve("report.html"), HtmlReport.render(report));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder, e);
        }
    }

    public static RunReport read(Path reportJson) {
        return JSON.readValue(reportJson.toFile(), RunReport.class);
    }

    /** The report {@link #write} left in the folder, if it wrote one there. */
    public static Optional<RunReport> written(Path folder) {
        Path reportJson = folder.resolve("report.json");
        return Files.exists(reportJson) ? Optional.of(read(reportJson)) : Optional.empty();
    }

    /** The report as plain data (report.json's text), to hand from one step to the next. */
    public static String json(RunReport report) {
        return JSON.writeValueAsString(report);
    }

    public static RunReport fromJson(String json) {
        return JSON.readValue(json, RunReport.class);
    }
}
