package dev.lite2pg.benchmark;

/**
 * The JSON an alert carries, as the app's engine wrote it: nested objects, arrays, numbers, booleans, a null and a
 * free-text note (with an escaped quote now and then), between {@value #MIN_BYTES} and {@value #MAX_BYTES} bytes of
 * ASCII, so bytes equal characters. The note fills the payload to a length drawn for each alert.
 */
final class AlertPayloads {

    static final int MIN_BYTES = 250;
    static final int MAX_BYTES = 400;
    static final String[] KINDS = {"price_cross", "volume_spike", "drawdown", "order_filled", "rebalance"};

    private static final String[] OPS = {">=", "<=", "crosses_up", "crosses_down"};
    private static final String[] CHANNELS = {
        "[\"email\"]", "[\"push\"]", "[\"email\",\"push\"]", "[\"email\",\"push\",\"sms\"]", "[]"
    };
    private static final String[] WORDS = {
        "threshold",
        "reached",
        "after",
        "a",
        "quiet",
        "session;",
        "check",
        "the",
        "\\\"stop\\\"",
        "level",
        "before",
        "open,",
        "spread",
        "widened",
        "to",
        "ticks",
        "and",
        "volume",
        "doubled",
        "vs",
        "20d",
        "average."
    };
    private static final String NOTE_KEY = ",\"note\":\"";
    private static final int FIELD = 20; // Noise fields from here on belong to the payload

    private AlertPayloads() {}

    static String payload(Noise noise, long id, long strategyId) {
        int target = MIN_BYTES + noise.below(BenchmarkRows.ALERTS, id, FIELD, MAX_BYTES - MIN_BYTES + 1);
        StringBuilder json = new StringBuilder(MAX_BYTES);
        json.append("{\"strategy\":")
                .append(strategyId)
                .append(",\"symbol\":\"")
                .append(
                        BenchmarkRows.SYMBOLS[
                                noise.below(BenchmarkRows.ALERTS, id, FIELD + 1, BenchmarkRows.SYMBOLS.length)])
                .append("\",\"condition\":{\"op\":\"")
                .append(OPS[noise.below(BenchmarkRows.ALERTS, id, FIELD + 2, OPS.length)])
                .append("\",\"level\":");
        BenchmarkText.decimal(json, noise.belowLong(BenchmarkRows.ALERTS, id, FIELD + 3, 1_000_000_000L), 4)
                .append(",\"window_s\":")
                .append(60 * (1 + noise.below(BenchmarkRows.ALERTS, id, FIELD + 4, 60)))
                .append("},\"indicators\":{\"rsi\":");
        BenchmarkText.decimal(json, noise.below(BenchmarkRows.ALERTS, id, FIELD + 5, 10_000), 2)
                .append(",\"ema\":[");
        BenchmarkText.decimal(json, noise.below(BenchmarkRows.ALERTS, id, FIELD + 6, 10_000_000), 2)
                .append(',');
        BenchmarkText.decimal(json, noise.below(BenchmarkRows.ALERTS, id, FIELD + 7, 10_000_000), 2)
                .append("]},\"channels\":")
                .append(CHANNELS[noise.below(BenchmarkRows.ALERTS, id, FIELD + 9, CHANNELS.length)])
                .append(",\"muted\":")
                .append(noise.percent(BenchmarkRows.ALERTS, id, FIELD + 10, 5))
                .append(",\"ack_by\":null");
        int noteEnd = target - 2; // room for the closing quote and brace
        if (json.length() + NOTE_KEY.length() > noteEnd) {
            throw new IllegalStateException("alert " + id + ": payload of " + json.length() + " bytes before its note");
        }
        json.append(NOTE_KEY);
        int word = noise.below(BenchmarkRows.ALERTS, id, FIELD + 11, WORDS.length);
        while (json.length() + WORDS[word].length() + 1 <= noteEnd) {
            json.append(WORDS[word]).append(' ');
            word = (word + 1) % WORDS.length;
        }
        while (json.length() < noteEnd) {
            json.append('.');
        }
        return json.append("\"}").toString();
    }
}
