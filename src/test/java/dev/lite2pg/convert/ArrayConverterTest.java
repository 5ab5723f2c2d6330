package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.InvalidUtf8Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayConverterTest {

    private static final ArrayConverter TEXTS = new ArrayConverter(TextConverter.text(), "text[]");
    private static final ArrayConverter INTS = new ArrayConverter(IntegerConverter.INTEGER, "integer[]");
    private static final ArrayConverter NUMERICS = new ArrayConverter(new NumericConverter(-1, -1), "numeric[]");

    private static String texts(String input) {
        return TEXTS.convert(input, ConversionNotes.IGNORE);
    }

    private static void assertRefused(ArrayConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void commaListsSplitOnEveryCommaWithoutTrimming() {
        assertThat(texts("Trailers,Deleted Scenes")).isEqualTo("{\"Trailers\",\"Deleted Scenes\"}");
        assertThat(texts("a, b")).isEqualTo("{\"a\",\" b\"}");
        assertThat(texts("a,,b,")).isEqualTo("{\"a\",\"\",\"b\",\"\"}");
        assertThat(texts("single")).isEqualTo("{\"single\"}");
        assertThat(texts("")).isEqualTo("{}");
        assertThat(texts("NULL,x")).isEqualTo("{\"NULL\",\"x\"}");
    }

    @Test
    void elementsAreQuotedAndEscaped() {
        assertThat(texts("say \"hi\",back\\slash")).isEqualTo("{\"say \\\"hi\\\"\",\"back\\\\slash\"}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{a,b}|{\"a\",\"b\"}",
                "{}|{}",
                "{ }|{}",
                "{a,\"b c\",NULL}|{\"a\",\"b c\",NULL}",
                "{null,Null}|{NULL,NULL}",
                "{\"NULL\"}|{\"NULL\"}",
                "{\\NULL}|{\"NULL\"}",
                "{\"\"}|{\"\"}",
                "{  a b  , c }|{\"a b\",\"c\"}",
                "{\"with \\\"quotes\\\"\"}|{\"with \\\"quotes\\\"\"}",
                "{\"back\\\\slash\"}|{\"back\\\\slash\"}",
                "{a\\,b}|{\"a,b\"}",
                "{a\\ }|{\"a \"}",
                "{\"a,b}\"}|{\"a,b}\"}",
                "`{ \"x\" , y }  `|{\"x\",\"y\"}"
            })
    void postgresArrayLiterals(String literal, String expected) {
        assertThat(texts(literal)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{a,b|malformed array literal: missing '}'",
                "{\"a|malformed array literal: unterminated quoted element",
                "{a,,b}|malformed array literal: empty unquoted element",
                "{a}x|malformed array literal: text after '}'",
                "{\"a\"b}|malformed array literal: expected ',' or '}'",
                "{a\"b}|malformed array literal: unexpected '\"' inside an unquoted element",
                "{{1,2},{3,4}}|only one-dimensional arrays are supported"
            })
    void malformedLiteralsAreRefused(String literal, String reason) {
        assertRefused(TEXTS, literal, reason);
    }

    @Test
    void jsonArrays() {
        assertThat(texts("[\"a\",1,null,true,\"x\\\"y\"]")).isEqualTo("{\"a\",\"1\",NULL,\"true\",\"x\\\"y\"}");
        assertThat(texts("[]")).isEqualTo("{}");
        assertThat(INTS.convert("[1, -2, 3.0]", ConversionNotes.IGNORE)).isEqualTo("{\"1\",\"-2\",\"3\"}");
    }

    @Test
    void jsonNumbersADoubleCannotHoldArePassedAsWritten() {
        assertThat(NUMERICS.convert(
                        "[0.1000000000000000000001, 123456789012345678901234567890, 2.5]", ConversionNotes.IGNORE))
                .isEqualTo("{\"0.1000000000000000000001\",\"123456789012345678901234567890\",\"2.5\"}");
    }

    @Test
    void invalidOrNestedJsonIsRefused() {
        assertThatThrownBy(() -> texts("[1,")).hasMessageStartingWith("invalid JSON: ");
        assertRefused(TEXTS, "[[1]]", "JSON array elements must be strings, numbers, booleans or null");
        assertRefused(TEXTS, "[{\"a\":1}]", "JSON array elements must be strings, numbers, booleans or null");
        assertRefused(TEXTS, "[1] [2]", "invalid JSON: more than one value");
    }

    @Test
    void elementsGoThroughTheElementConverter() {
        assertThat(INTS.convert("{1,NULL,3}", ConversionNotes.IGNORE)).isEqualTo("{\"1\",NULL,\"3\"}");
        assertRefused(INTS, "1,x,3", "element 2: not an integer: expected an optional sign and digits only");
        assertRefused(INTS, "[1, 3.5]", "element 2: value 3.5 is not an integer");
        assertRefused(TEXTS, "{\"a\",\"b\0\"}", "element 2: contains a NUL byte");
    }

    @Test
    void elementNotesAreCounted() {
        ArrayConverter dates = new ArrayConverter(
                new DateConverter(new ConversionOptions(
                        java.time.ZoneOffset.UTC,
                        OffsetReading.REFUSE,
                        true,
                        EpochNumbers.SECONDS,
                        java.util.Map.of())),
                "date[]");
        CountingNotes notes = new CountingNotes();
        assertThat(dates.convert("2024-01-01 10:00,2024-01-02", notes)).isEqualTo("{\"2024-01-01\",\"2024-01-02\"}");
        assertThat(notes.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isEqualTo(1);
    }

    @Test
    void onlyTextIsAccepted() {
        assertRefused(TEXTS, 5L, "INTEGER into an array column");
        assertRefused(TEXTS, new byte[2], "BLOB into an array column");
        assertRefused(TEXTS, new InvalidUtf8Text(new byte[] {(byte) 0x80}), "invalid UTF-8");
        assertThat(TEXTS.convert(null, ConversionNotes.IGNORE)).isNull();
    }

    @Test
    void description() {
        assertThat(TEXTS.description()).isEqualTo("text[] from {..}, JSON array or comma list");
    }
}
