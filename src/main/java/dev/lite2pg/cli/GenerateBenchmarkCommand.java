package dev.lite2pg.cli;

import dev.lite2pg.benchmark.BenchmarkDatabase;
import dev.lite2pg.benchmark.BenchmarkDatabase.Summary;
import dev.lite2pg.model.ErrorCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "generate-benchmark",
        mixinStandardHelpOptions = true,
        header = "Writes the benchmark's SQLite database.",
        description = {
            "A trading app's users, strategies, alerts (JSON payloads of 250 to 400 bytes) and orders, with 0/1"
                    + " booleans, text and epoch timestamps, REAL and NUMERIC prices, four foreign keys (one nullable)"
                    + " and seven secondary indexes. Scale 1 is 1.5 million rows, about 450 MiB; the same scale and"
                    + " seed always give the same rows. jobs/benchmark.yml copies it; bench/run-benchmark.sh times"
                    + " that."
        })
final class GenerateBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The SQLite file to write (replaced if present).")
    Path out;

    @Option(
            names = "--scale",
            paramLabel = "FACTOR",
            defaultValue = "1.0",
            description = "Row-count factor: 1 = 1.5 million rows, 0.1 = 150 thousand (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the content (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!(scale > 0 && scale <= BenchmarkDatabase.MAX_SCALE)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--scale must be above 0 and at most " + BenchmarkDatabase.MAX_SCALE + ", got " + scale);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println("generate-benchmark: writing " + out + " (scale " + scale + ", seed " + seed + ")");
        console.flush();
        Summary summary = BenchmarkDatabase.create(out, scale, seed, line -> {
            console.println("  " + line);
            console.flush();
        });
        console.printf(
                Locale.ROOT,
                "generate-benchmark: wrote %d rows, %.1f MiB in %.1f s: %s%n",
                summary.totalRows(),
                summary.bytes() / 1024.0 / 1024.0,
                summary.took().toMillis() / 1000.0,
                summary.file());
        return ErrorCode.SUCCESS;
    }
}
