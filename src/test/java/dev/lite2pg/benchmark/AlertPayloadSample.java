package dev.lite2pg.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The benchmark's own alert payloads, for measuring code that handles them (the generator is package-private). */
public final class AlertPayloadSample {

    private AlertPayloadSample() {}

    /** The payloads of alerts 1 to n of the benchmark database at scale 1 and its default seed, as SQLite holds them. */
    public static List<String> firstAlerts(int n) {
        Map<String, Long> counts = BenchmarkDatabase.rowCounts(1);
        BenchmarkRows rows = new BenchmarkRows(
                BenchmarkDatabase.DEFAULT_SEED,
                counts.get("users"),
                counts.get("strategies"),
                counts.get("alerts"),
                counts.get("orders"));
        List<String> payloads = new ArrayList<>(n);
        for (long id = 1; id <= n; id++) {
            payloads.add((String) rows.alert(id)[3]);
        }
        return payloads;
    }
}
