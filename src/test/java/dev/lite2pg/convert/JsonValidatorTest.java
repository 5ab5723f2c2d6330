package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The single-pass validator behind the json and jsonb converters. What it accepts is checked against PostgreSQL
 * itself by {@code JsonAgainstPostgresIT}; this covers what needs no server: reasons and positions, duplicate keys,
 * its scratch state (growing, shrinking, per thread) and that a valid value costs no allocation.
 */
class JsonValidatorTest {

    private static String refusal(boolean jsonb, String text) {
        try {
            new JsonValidator().validate(text, jsonb);
        } catch (ConversionRefusedException e) {
            return e.getMessage();
        }
        return null;
    }

    @Test
    void reasonsSayWhatWasExpectedAndWhereCountingCharactersFromOne() {
        assertThat(refusal(false, "{\"a\":1,}"))
                .isEqualTo("invalid JSON: Unexpected '}' at character 8: expected a string key");
        assertThat(refusal(false, "[1 2]"))
                .isEqualTo("invalid JSON: Unexpected '2' at character 4: expected ',' or ']'");
        assertThat(refusal(false, "{\"a\" 1}")).isEqualTo("invalid JSON: Unexpected '1' at character 6: expected ':'");
        assertThat(refusal(false, "01"))
                .isEqualTo("invalid JSON: Unexpected '1' at character 2: a number cannot have leading zeros");
        assertThat(refusal(false, "1."))
                .isEqualTo(
                        "invalid JSON: Unexpected end-of-input in a number: expected a digit after the decimal point");
        assertThat(refusal(false, "[truex]"))
                .isEqualTo("invalid JSON: Unrecognized token at character 2: expected true, false or null");
        assertThat(refusal(false, "\u00a01"))
                .isEqualTo("invalid JSON: Unexpected U+00A0 at character 1: expected a value");
        assertThat(refusal(false, "\"a\tb\""))
                .isEqualTo(
                        "invalid JSON: Unexpected control character U+0009 at character 3: in a string it must be escaped");
        assertThat(refusal(false, "\"\\x\""))
                .startsWith("invalid JSON: Invalid escape '\\x' at character 2: expected one of ");
        assertThat(refusal(false, "\"\\u12g4\""))
                .isEqualTo("invalid JSON: Invalid \\u escape at character 2: expected 4 hex digits");
        assertThat(refusal(false, "[1] x"))
                .isEqualTo("invalid JSON: Unexpected 'x' at character 5: expected the end of the text");
        // Characters, not UTF-16 units: the emoji before the x is one character.
        assertThat(refusal(false, "[\"😀\", x]"))
                .isEqualTo("invalid JSON: Unrecognized token at character 7: expected true, false or null");
    }

    @Test
    void rawCharactersAStringCannotHoldAreRefusedEvenThoughPostgresqlNeverSeesThem() {
        assertThat(refusal(false, "\"a\u0000b\""))
                .isEqualTo(
                        "invalid JSON: Unexpected control character U+0000 at character 3: in a string it must be escaped");
        assertThat(refusal(false, "\"a\ud800b\""))
                .isEqualTo("invalid JSON: unpaired surrogate U+D800 at character 3: it has no UTF-8 form");
        assertThat(refusal(true, "{\"\udc00\":1}"))
                .isEqualTo("invalid JSON: unpaired surrogate U+DC00 at character 3: it has no UTF-8 form");
        assertThat(refusal(true, "{\"\ud83d\ude00\":1,\"\\ud83d\\ude00\":2}"))
                .isEqualTo("duplicate key \"\ud83d\ude00\": jsonb would keep only the last value");
    }

    @Test
    void duplicateKeysAreComparedDecodedAndOnlyWithinTheirOwnObject() {
        assertThat(refusal(true, "{\"ab\":1,\"a\\u0062\":2}"))
                .isEqualTo("duplicate key \"ab\": jsonb would keep only the last value");
        assertThat(refusal(true, "{\"a\\/b\":1,\"a/b\":2}"))
                .isEqualTo("duplicate key \"a/b\": jsonb would keep only the last value");
        assertThat(refusal(true, "{\"a\":{\"b\":1},\"a\":2}"))
                .isEqualTo("duplicate key \"a\": jsonb would keep only the last value");
        assertThat(refusal(true, "{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}"))
                .isNull();
        // Equal hashes ("Aa" and "BB" share String.hashCode), different keys.
        assertThat(refusal(true, "{\"Aa\":1,\"BB\":2}")).isNull();
        assertThat(refusal(true, "{\"\\u0041a\":1,\"BB\":2,\"A\\u0061\":3}"))
                .isEqualTo("duplicate key \"Aa\": jsonb would keep only the last value");
        assertThat(refusal(false, "{\"a\":1,\"a\":2}")).isNull();
    }

    /**
     * 65,536 distinct keys of 16 "Aa"/"BB" pairs all share one {@link String#hashCode()}: hashed that way, the check
     * compared each key with every one before it (2^31 comparisons, 22 s for this 2.4 MB value). Now it is linear:
     * PostgreSQL parses the same value in about 60 ms; the bound, 2 s of this thread's CPU time (not wall time, which
     * other processes on a busy machine stretch), leaves room for a cold JIT and a slow machine yet sits ten times
     * below the quadratic cost.
     */
    @Test
    void keysSharingOneStringHashCodeCostLinearTimeAndADuplicateAmongThemIsStillFound() {
        int pairs = 16;
        StringBuilder json = new StringBuilder(2_500_000).append('{');
        for (int i = 0; i < 1 << pairs; i++) {
            json.append(i == 0 ? "\"" : ",\"");
            for (int bit = pairs - 1; bit >= 0; bit--) {
                json.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            json.append("\":1");
        }
        assertThat("Aa".repeat(pairs).hashCode()).isEqualTo("BB".repeat(pairs).hashCode());
        String distinct = json + "}";
        String duplicate = json + ",\"" + "BB".repeat(pairs - 1) + "\u0041a\":2}";
        JsonValidator validator = new JsonValidator();
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadCpuTime();
        validator.validate(distinct, true);
        String refusal = catchRefusal(() -> validator.validate(duplicate, true));
        long cpuNanos = bean.getCurrentThreadCpuTime() - before;
        assertThat(refusal)
                .isEqualTo("duplicate key \"" + "BB".repeat(pairs - 1) + "Aa\": jsonb would keep only the last value");
        assertThat(cpuNanos)
                .as("CPU time for two values of 65,536 colliding keys")
                .isLessThan(2_000_000_000L);
    }

    @Test
    void aValueWithThousandsOfKeysGrowsTheTableAndTheNextValueStillStartsEmpty() {
        JsonValidator validator = new JsonValidator();
        StringBuilder many = new StringBuilder("{\"k0\":0");
        for (int i = 1; i < 50_000; i++) {
            many.append(",\"k").append(i).append("\":").append(i);
        }
        validator.validate(many + "}", true);
        String withDuplicate = many + ",\"k4\\u0032\":0}";
        assertThat(catchRefusal(() -> validator.validate(withDuplicate, true)))
                .isEqualTo("duplicate key \"k42\": jsonb would keep only the last value");
        validator.validate("{\"k42\":1}", true);
        validator.validate(many + "}", true);
    }

    @Test
    void nestingUpToTheLimitIsNotLimitedByTheJavaStackAndIsCheckedToTheEnd() {
        JsonValidator validator = new JsonValidator();
        int depth = JsonValidator.MAX_DEPTH;
        validator.validate("[".repeat(depth) + "]".repeat(depth), false);
        validator.validate("{\"a\":".repeat(depth) + "1" + "}".repeat(depth), true);
        assertThat(catchRefusal(() -> validator.validate("[".repeat(depth) + "]".repeat(depth - 1), false)))
                .isEqualTo("invalid JSON: Unexpected end-of-input: expected close marker for Array");
        assertThat(catchRefusal(() -> validator.validate("[{\"a\":[]]}]", false)))
                .isEqualTo("invalid JSON: Unexpected ']' at character 9: expected ',' or '}'");
        validator.validate("[[{}]]", true);
    }

    /**
     * PostgreSQL stops deeper values with "stack depth limit exceeded" (JsonAgainstPostgresIT shows it takes this
     * limit); the validator refuses them itself, named like any bad value, without recursing however deep the text.
     */
    @Test
    void nestingDeeperThanPostgresqlTakesIsRefusedWhereTheLimitIsCrossed() {
        JsonValidator validator = new JsonValidator();
        int depth = JsonValidator.MAX_DEPTH;
        String reason = "invalid JSON: nested deeper than " + depth + " levels at character " + (depth + 1)
                + ": PostgreSQL refuses such a value (stack depth limit exceeded); flatten it or store it as text";
        for (boolean jsonb : new boolean[] {false, true}) {
            assertThat(catchRefusal(() -> validator.validate("[".repeat(depth + 1) + "]".repeat(depth + 1), jsonb)))
                    .isEqualTo(reason);
            assertThat(catchRefusal(() -> validator.validate("[".repeat(depth) + "{}" + "]".repeat(depth), jsonb)))
                    .isEqualTo(reason);
            assertThat(catchRefusal(() -> validator.validate("[".repeat(200_000) + "]".repeat(200_000), jsonb)))
                    .isEqualTo(reason);
        }
        String objects = "{\"a\":".repeat(depth + 1) + "1" + "}".repeat(depth + 1);
        assertThat(catchRefusal(() -> validator.validate(objects, true)))
                .startsWith(
                        "invalid JSON: nested deeper than " + depth + " levels at character " + (5 * depth + 1) + ":");
        validator.validate("[".repeat(depth) + "]".repeat(depth), true);
    }

    @Test
    void jsonbRefusesNumbersNumericCannotHoldJsonKeepsThem() {
        String reason = "jsonb cannot store the number at character 2: it is beyond numeric's range"
                + " (at most 131072 digits before the decimal point and 16383 after)";
        for (String tooBig : List.of(
                "1e131072",
                "0.00001e131077",
                "1e-16384",
                "0.0e-16383",
                "0e-16384",
                "0e1073741823",
                "1" + "0".repeat(131072),
                "0." + "0".repeat(16384))) {
            assertThat(refusal(true, "[" + tooBig + "]")).as(tooBig).isEqualTo(reason);
            assertThat(refusal(false, "[" + tooBig + "]")).as(tooBig).isNull();
        }
        for (String fits : List.of(
                "1e131071",
                "0.00001e131076",
                "9999e131068",
                "1e-16383",
                "0e1073741822",
                "-0e5",
                "1" + "0".repeat(131071),
                "0." + "0".repeat(16383),
                "1.5e3",
                "123.456e-7")) {
            assertThat(refusal(true, "[" + fits + "]")).as(fits).isNull();
        }
    }

    @Test
    void oneConverterUsedByManyThreadsAtOnceJudgesEachValueOnItsOwn() throws Exception {
        List<String> texts = List.of(
                "{\"a\":1,\"b\":[1,2,{\"c\":\"x\"}]}",
                "{\"a\":1,\"a\":2}",
                "[1,2,",
                "{\"k\":\"\\u0000\"}",
                "{\"x\":{\"y\":{\"z\":[true,false,null]}}}",
                "[1e131072]",
                "{\"a\":{\"b\":1},\"b\":{\"a\":2}}");
        List<String> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(catchRefusal(() -> JsonConverter.JSONB.convert(text, ConversionNotes.IGNORE)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 50_000; i++) {
                        int which = (i + offset) % texts.size();
                        String got = catchRefusal(
                                () -> JsonConverter.JSONB.convert(texts.get(which), ConversionNotes.IGNORE));
                        if (!java.util.Objects.equals(got, expected.get(which))) {
                            wrong.add(texts.get(which) + " -> " + got);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The point of the validator: the copy's hot path allocates nothing for a valid value, keys and all. */
    @Test
    void aValidValueAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported())
                .isTrue();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        String payload =
                "{\"strategy\":17,\"symbol\":\"ETH-USD\",\"condition\":{\"op\":\"crosses_up\",\"level\":1234.5678,"
                        + "\"window_s\":600},\"indicators\":{\"rsi\":51.25,\"ema\":[1.5,2.5e3]},\"channels\":[\"email\",\"push\"],"
                        + "\"muted\":false,\"ack_by\":null,\"note\":\"after a \\\"stop\\\" level \\u00e9\"}";
        JsonValidator validator = new JsonValidator();
        for (int i = 0; i < 20_000; i++) {
            validator.validate(payload, true);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            validator.validate(payload, true);
            validator.validate(payload, false);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Under a byte per value: the measuring itself may allocate a little, a per-value object would be 16+ bytes.
        assertThat(allocated).isLessThan(20_000);
    }

    private static String catchRefusal(Runnable action) {
        try {
            action.run();
            return null;
        } catch (ConversionRefusedException e) {
            return e.getMessage();
        }
    }
}
