package dev.lite2pg.testing;

import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The report a run wrote under {@code <output>/<job>/<timestamp>/report.json}. */
public final class RunReports {

    private RunReports() {}

    /** The newest run's report.json of the job (run folders are named by timestamp). */
    public static Path newestFile(Path output, String job) throws Exception {
        try (Stream<Path> files = Files.walk(output.resolve(job))) {
            return files.filter(p -> p.getFileName().toString().equals("report.json"))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new AssertionError("no report.json under " + output.resolve(job)));
        }
    }

    public static RunReport newest(Path output, String job) throws Exception {
        return ReportWriter.read(newestFile(output, job));
    }
}
