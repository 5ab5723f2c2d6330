package dev.lite2pg.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared real-world datasets (../shared/datasets, or LITE2PG_DATASETS). When they are absent the tests that
 * need them are skipped with a message, except where LITE2PG_REQUIRE_DATASETS=1 (CI sets it): there a missing
 * dataset fails the build instead of silently testing less.
 */
public final class Datasets {

    private Datasets() {}

    public static Path root() {
        String configured = System.getenv("LITE2PG_DATASETS");
        return configured == null || configured.isBlank()
                ? Path.of("..", "shared", "datasets").toAbsolutePath().normalize()
                : Path.of(configured);
    }

    /** The dataset's folder; skips (or, in CI, fails) the calling test when it is not there. */
    public static Path require(String name) {
        Path folder = root().resolve(name);
        if (!Files.isRegularFile(folder.resolve("source.sqlite"))) {
            String message = "dataset " + name + " not found at " + folder
                    + " (set LITE2PG_DATASETS to the shared datasets folder)";
            if ("1".equals(System.getenv("LITE2PG_REQUIRE_DATASETS"))) {
                fail(message + "; LITE2PG_REQUIRE_DATASETS=1 forbids skipping");
            }
            Assumptions.abort(message);
        }
        return folder;
    }
}
