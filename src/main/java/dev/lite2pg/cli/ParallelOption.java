package dev.lite2pg.cli;

import dev.lite2pg.batch.CutoverLauncher;
import picocli.CommandLine.Option;

/** {@code --parallel N}, shared by the commands that read the source on several threads and copy tables at once. */
final class ParallelOption {

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Threads reading the source, and tables (or rowid ranges of a large table) copied at the same"
                    + " time (default: the number of cores, here ${DEFAULT-VALUE}).")
    int parallel = CutoverLauncher.Options.defaultParallelism();

    /** The number asked for, refused (bad usage) below 1. */
    int value() {
        return CutoverLauncher.Options.requireParallelism(parallel);
    }
}
