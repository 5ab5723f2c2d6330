package dev.lite2pg.metrics;

import dev.lite2pg.output.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@value #NAME} in the run's folder: the per-table figures, for whoever reads numbers without a Prometheus. */
final class MetricsFile {

    static final String NAME = "metrics.json";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What the file holds: the job's name and its tables' figures. */
    record Content(String job, List<TableFigures> tables) {}

    private MetricsFile() {}

    static void write(Path runFolder, Content content) throws IOException {
        // A run that failed before its report has no folder yet: PrivateFiles creates it.
        PrivateFiles.writeString(runFolder.resolve(NAME), JSON.writeValueAsString(content));
    }
}
