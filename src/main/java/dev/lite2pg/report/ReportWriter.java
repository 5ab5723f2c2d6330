package dev.lite2pg.report;

import dev.lite2pg.output.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes report.json (for machines), report.md and report.html (for people) into the run's output folder. */
public final class ReportWriter {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {}

    public static Path write(RunReport report, Path folder) {
        try {
            PrivateFiles.writeString(folder.resolve("report.json"), JSON.writeValueAsString(report) + "\n");
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
}
