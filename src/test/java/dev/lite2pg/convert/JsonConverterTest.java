package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.InvalidUtf8Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonConverterTest {

    private static final JsonConverter JSON = JsonConverter.JSON;
    private static final JsonConverter JSONB = JsonConverter.JSONB;

    private static String refusal(JsonConverter converter, Object value) {
        try {
            converter.convert(value, ConversionNotes.IGNORE);
        } catch (ConversionRefusedException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"a\": [1, 2.5, -3e10, true, false, null]}",
                "\"just a string\"",
                "42",
                "null",
                " {\"spaced\" : 1} ",
                "{\"emoji\":\"😀\",\"escaped\":\"\\u00e9\\n\"}",
                "[[[[]]]]"
            })
    void validJsonIsCopiedUnchanged(String text) {
        assertThat(JSON.convert(text, ConversionNotes.IGNORE)).isSameAs(text);
        assertThat(JSONB.convert(text, ConversionNotes.IGNORE)).isSameAs(text);
    }

    @Test
    void numbersBeyondJacksonDefaultsAreStillValid() {
        String longNumber = "1" + "0".repeat(2000);
        assertThat(JSON.convert(longNumber, ConversionNotes.IGNORE)).isEqualTo(longNumber);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{", "{\"a\":1,}", "{'a':1}", "[1,]", "NaN", "01", "{a:1}", "// c\n1", "tru", "\"tab\there\""})
    void invalidJsonIsRefusedWithAShortReason(String text) {
        String reason = refusal(JSON, text);
        assertThat(reason)
                .startsWith("invalid JSON: ")
                .doesNotContain("\n")
                .doesNotContain("line:")
                .doesNotContain("Source");
    }

    @Test
    void unclosedObjectReasonLeavesOutTheLocation() {
        assertThat(refusal(JSON, "{\"a\":1"))
                .isEqualTo("invalid JSON: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void emptyTextIsNotJson() {
        assertThat(refusal(JSON, "")).isEqualTo("invalid JSON: no value");
        assertThat(refusal(JSON, "   ")).isEqualTo("invalid JSON: no value");
    }

    @Test
    void trailingContentIsRefused() {
        assertThat(refusal(JSON, "{} {}")).isEqualTo("invalid JSON: more than one value");
        assertThat(refusal(JSON, "1 2")).isEqualTo("invalid JSON: more than one value");
        assertThat(refusal(JSONB, "[1] x")).startsWith("invalid JSON: ");
    }

    @Test
    void jsonbRefusesTheNulCharacterJsonAllowsIt() {
        String withNul = "{\"a\":\"x\\u0000y\"}";
        assertThat(JSON.convert(withNul, ConversionNotes.IGNORE)).isEqualTo(withNul);
        assertThat(refusal(JSONB, withNul)).isEqualTo("jsonb cannot store \\u0000");
        assertThat(refusal(JSONB, "{\"key\\u0000\":1}")).isEqualTo("jsonb cannot store \\u0000");
        assertThat(refusal(JSONB, "[[\"\\u0000\"]]")).isEqualTo("jsonb cannot store \\u0000");
    }

    @Test
    void anEscapedBackslashBeforeU0000IsNotANulCharacter() {
        String literalBackslash = "{\"path\":\"C:\\\\u0000\"}";
        assertThat(JSONB.convert(literalBackslash, ConversionNotes.IGNORE)).isEqualTo(literalBackslash);
    }

    @Test
    void jsonbRefusesDuplicateKeysItWouldDropJsonKeepsThem() {
        String duplicate = "{\"a\":1,\"a\":2}";
        assertThat(JSON.convert(duplicate, ConversionNotes.IGNORE)).isEqualTo(duplicate);
        assertThat(refusal(JSONB, duplicate)).isEqualTo("duplicate key \"a\": jsonb would keep only the last value");
        assertThat(refusal(JSONB, "{\"o\":{\"k\":1,\"k\":1}}"))
                .isEqualTo("duplicate key \"k\": jsonb would keep only the last value");
        assertThat(JSONB.convert("[{\"k\":1},{\"k\":2}]", ConversionNotes.IGNORE))
                .isEqualTo("[{\"k\":1},{\"k\":2}]");
    }

    @Test
    void unpairedSurrogateEscapesAreRefusedPairedOnesAreFine() {
        assertThat(refusal(JSON, "\"\\ud800\"")).isEqualTo("invalid JSON: unpaired surrogate escape in a string");
        assertThat(refusal(JSONB, "{\"\\udc00\":1}")).isEqualTo("invalid JSON: unpaired surrogate escape in a string");
        assertThat(refusal(JSON, "[\"\\ud83d x\"]")).isEqualTo("invalid JSON: unpaired surrogate escape in a string");
        String pair = "\"\\ud83d\\ude00\"";
        assertThat(JSONB.convert(pair, ConversionNotes.IGNORE)).isEqualTo(pair);
        assertThat(JSONB.convert("\"😀\"", ConversionNotes.IGNORE)).isEqualTo("\"😀\"");
    }

    @Test
    void numbersBecomeJsonNumbers() {
        assertThat(JSONB.convert(42L, ConversionNotes.IGNORE)).isEqualTo("42");
        assertThat(JSONB.convert(2.5, ConversionNotes.IGNORE)).isEqualTo("2.5");
        assertThat(JSONB.convert(1e-10, ConversionNotes.IGNORE)).isEqualTo("1e-10");
        assertThat(refusal(JSONB, Double.NaN)).isEqualTo("JSON has no number NaN");
    }

    @Test
    void blobAndInvalidUtf8AreRefused() {
        assertThat(refusal(JSON, new byte[] {'{', '}'})).isEqualTo("BLOB into a json column");
        assertThat(refusal(JSONB, new InvalidUtf8Text(new byte[] {'"', (byte) 0xfe, '"'})))
                .isEqualTo("invalid UTF-8");
    }
}
