package dev.lite2pg.convert;

import dev.lite2pg.benchmark.AlertPayloadSample;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Micro benchmark, not a test: the old Jackson-based json/jsonb validation ({@link JacksonJsonBaseline}) against the
 * converters as they are now, over the benchmark database's own alert payloads, on one thread. Prints, per way,
 * the median and best time per value over the measured rounds, throughput, and bytes allocated per value.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     dev.lite2pg.convert.JsonValidationBenchmark [payloads, default 100000] [rounds, default 15]
 * </pre>
 *
 * On a shared machine, compare ways within one run (they run interleaved, round by round) rather than across runs.
 */
public final class JsonValidationBenchmark {

    private static final String[] WAYS = {
        "jsonb, Jackson (before)", "jsonb, single pass (now)", "json, Jackson (before)", "json, single pass (now)"
    };
    private static final int WARM_UP_ROUNDS = 5;

    private JsonValidationBenchmark() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String[] payloads = AlertPayloadSample.firstAlerts(count).toArray(String[]::new);
        long chars = Arrays.stream(payloads).mapToLong(String::length).sum();
        System.out.printf(
                "%,d alert payloads, %,d characters (%.0f per payload); Java %s, %d cores available%n",
                count,
                chars,
                (double) chars / count,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[][] nanos = new long[WAYS.length][rounds];
        long[] allocated = new long[WAYS.length];
        long sink = 0;
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int way = 0; way < WAYS.length; way++) {
                long bytesBefore = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                sink += run(way, payloads);
                long took = System.nanoTime() - start;
                if (round >= 0) {
                    nanos[way][round] = took;
                    allocated[way] += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
                }
            }
        }
        System.out.printf(
                "%-26s %14s %12s %10s %16s%n", "way", "median ns/value", "best ns/value", "MB/s", "bytes alloc/value");
        for (int way = 0; way < WAYS.length; way++) {
            long[] sorted = nanos[way].clone();
            Arrays.sort(sorted);
            double median = (double) sorted[rounds / 2] / count;
            double best = (double) sorted[0] / count;
            System.out.printf(
                    "%-26s %14.0f %12.0f %10.0f %16.1f%n",
                    WAYS[way],
                    median,
                    best,
                    chars / (sorted[rounds / 2] / 1e9) / 1e6,
                    (double) allocated[way] / rounds / count);
        }
        System.out.printf(
                "jsonb speed-up (median): %.1fx; json: %.1fx%n",
                ratio(nanos, 0, 1, rounds), ratio(nanos, 2, 3, rounds));
        if (sink != (long) WAYS.length * (rounds + WARM_UP_ROUNDS) * chars) {
            throw new IllegalStateException("some payload was refused");
        }
    }

    /** Validates every payload one way; returns the characters accepted, so nothing can be optimized away. */
    private static long run(int way, String[] payloads) {
        long accepted = 0;
        switch (way) {
            case 0 -> {
                for (String p : payloads) {
                    JacksonJsonBaseline.validate(p, true);
                    accepted += p.length();
                }
            }
            case 1 -> {
                for (String p : payloads) {
                    accepted += JsonConverter.JSONB
                            .convert(p, ConversionNotes.IGNORE)
                            .length();
                }
            }
            case 2 -> {
                for (String p : payloads) {
                    JacksonJsonBaseline.validate(p, false);
                    accepted += p.length();
                }
            }
            default -> {
                for (String p : payloads) {
                    accepted += JsonConverter.JSON
                            .convert(p, ConversionNotes.IGNORE)
                            .length();
                }
            }
        }
        return accepted;
    }

    private static double ratio(long[][] nanos, int before, int now, int rounds) {
        long[] b = nanos[before].clone();
        long[] n = nanos[now].clone();
        Arrays.sort(b);
        Arrays.sort(n);
        return (double) b[rounds / 2] / n[rounds / 2];
    }
}
