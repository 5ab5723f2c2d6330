package dev.lite2pg.cli;

import dev.lite2pg.benchmark.BenchmarkChanges;
import dev.lite2pg.benchmark.BenchmarkDatabase;
import dev.lite2pg.benchmark.BenchmarkDatabase.Summary;
import dev.lite2pg.model.ErrorCode;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        header = "Writes the benchmark's SQLite database, or changes one as its app would.",
        description = {
            "A trading app's users, strategies, alerts (JSON payloads of 250 to 400 bytes) and orders, with 0/1"
                    + " booleans, text and epoch timestamps, REAL and NUMERIC prices, four foreign keys (one nullable)"
                    + " and seven secondary indexes. Scale 1 is 1.5 million rows, about 450 MiB; the same scale and"
                    + " seed always give the same rows. jobs/benchmark.yml copies it; bench/run-benchmark.sh times"
                    + " that.",
            "",
            "With --in FILE instead of --out, changes that file in place as the app would write while a live"
                    + " cutover copies it: in every table --change-percent of its rows, a third each inserted,"
                    + " updated and deleted, foreign keys kept valid, in one transaction; the same file and seed"
                    + " always give the same changes."
        })
final class GenerateBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "The SQLite file to write (replaced if present).")
    Path out;

    @Option(
            names = "--in",
            paramLabel = "FILE",
            description = "A benchmark SQLite file to change in place instead (see --change-percent).")
    Path in;

    @Option(
            names = "--change-percent",
            paramLabel = "P",
            description = "With --in: the share of each table's rows changed, a third each inserted, updated and"
                    + " deleted (default: 1).")
    Double changePercent;

    @Option(
            names = "--scale",
            paramLabel = "FACTOR",
            description = "With --out: row-count factor, 1 = 1.5 million rows, 0.1 = 150 thousand (default: 1).")
    Double scale;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the content, or of the changes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if ((out == null) == (in == null)) {
            throw new ParameterException(spec.commandLine(), "give either --out (write) or --in (change), not both");
        }
        if (in != null) {
            return change();
        }
        if (changePercent != null) {
            throw new ParameterException(spec.commandLine(), "--change-percent goes with --in, not --out");
        }
        double scale = this.scale == null ? 1 : this.scale;
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

    private Integer change() {
        if (scale != null) {
            throw new ParameterException(spec.commandLine(), "--scale goes with --out, not --in");
        }
        double percent = changePercent == null ? 1 : changePercent;
        if (!(percent > 0 && percent <= BenchmarkChanges.MAX_PERCENT)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--change-percent must be above 0 and at most " + BenchmarkChanges.MAX_PERCENT + ", got "
                            + percent);
        }
        if (!Files.isRegularFile(in)) {
            throw new ParameterException(spec.commandLine(), "--in " + in + ": no such file");
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println("generate-benchmark: changing " + percent + "% of the rows of " + in + " (seed " + seed + ")");
        console.flush();
        BenchmarkChanges.Summary summary = BenchmarkChanges.apply(in, percent, seed, line -> {
            console.println("  " + line);
            console.flush();
        });
        console.printf(
                Locale.ROOT,
                "generate-benchmark: changed %d rows in %.1f s: %s%n",
                summary.tables().stream()
                        .mapToLong(t -> t.inserted() + t.updated() + t.deleted())
                        .sum(),
                summary.took().toMillis() / 1000.0,
                summary.file());
        return ErrorCode.SUCCESS;
    }
}
