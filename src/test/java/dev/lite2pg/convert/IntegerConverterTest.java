package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntegerConverterTest {

    private static String convert(IntegerConverter converter, Object value) {
        return converter.convert(value, ConversionNotes.IGNORE);
    }

    private static void assertRefused(IntegerConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void smallintBoundaries() {
        assertThat(convert(IntegerConverter.SMALLINT, 32767L)).isEqualTo("32767");
        assertThat(convert(IntegerConverter.SMALLINT, -32768L)).isEqualTo("-32768");
        assertRefused(IntegerConverter.SMALLINT, 32768L, "value 32768 is out of range for smallint");
        assertRefused(IntegerConverter.SMALLINT, -32769L, "value -32769 is out of range for smallint");
        assertRefused(IntegerConverter.SMALLINT, "32768", "value 32768 is out of range for smallint");
    }

    @Test
    void integerBoundaries() {
        assertThat(convert(IntegerConverter.INTEGER, 2147483647L)).isEqualTo("2147483647");
        assertThat(convert(IntegerConverter.INTEGER, -2147483647L)).isEqualTo("-2147483647");
        assertThat(convert(IntegerConverter.INTEGER, -2147483648L)).isEqualTo("-2147483648");
        assertRefused(IntegerConverter.INTEGER, 2147483648L, "value 2147483648 is out of range for integer");
        assertRefused(IntegerConverter.INTEGER, -2147483649L, "value -2147483649 is out of range for integer");
        assertThat(convert(IntegerConverter.INTEGER, "-2147483648")).isEqualTo("-2147483648");
        assertRefused(IntegerConverter.INTEGER, "2147483648", "value 2147483648 is out of range for integer");
    }

    @Test
    void bigintBoundaries() {
        assertThat(convert(IntegerConverter.BIGINT, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(convert(IntegerConverter.BIGINT, Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(convert(IntegerConverter.BIGINT, "-9223372036854775808")).isEqualTo("-9223372036854775808");
        assertThat(convert(IntegerConverter.BIGINT, "9223372036854775807")).isEqualTo("9223372036854775807");
        assertRefused(
                IntegerConverter.BIGINT, "9223372036854775808", "value 9223372036854775808 is out of range for bigint");
        assertRefused(
                IntegerConverter.BIGINT,
                "-9223372036854775809",
                "value -9223372036854775809 is out of range for bigint");
        assertRefused(
                IntegerConverter.BIGINT,
                "123456789012345678901234567890",
                "value 123456789012345678901234567890 is out of range for bigint");
    }

    @Test
    void textWithSignAndLeadingZerosIsReadExactly() {
        assertThat(convert(IntegerConverter.INTEGER, "+42")).isEqualTo("42");
        assertThat(convert(IntegerConverter.INTEGER, "-0")).isEqualTo("0");
        assertThat(convert(IntegerConverter.INTEGER, "007")).isEqualTo("7");
        // More than 18 characters of digits, but a small value: goes the BigInteger way and still fits.
        assertThat(convert(IntegerConverter.SMALLINT, "0000000000000000000000012"))
                .isEqualTo("12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", " 1", "1 ", "1e3", "3.0", "0x10", "1_000", "١٢٣", "12a"})
    void textThatIsNotSignAndDigitsIsRefused(String text) {
        assertRefused(IntegerConverter.INTEGER, text, "not an integer: expected an optional sign and digits only");
    }

    @Test
    void wholeRealsAreAcceptedOthersRefused() {
        assertThat(convert(IntegerConverter.INTEGER, 3.0)).isEqualTo("3");
        assertThat(convert(IntegerConverter.INTEGER, -0.0)).isEqualTo("0");
        assertThat(convert(IntegerConverter.INTEGER, -2147483648.0)).isEqualTo("-2147483648");
        assertRefused(IntegerConverter.INTEGER, 3.5, "value 3.5 is not an integer");
        assertRefused(IntegerConverter.INTEGER, Double.NaN, "value NaN is not an integer");
        assertRefused(IntegerConverter.INTEGER, 2147483648.0, "value 2147483648.0 is out of range for integer");
        assertRefused(IntegerConverter.SMALLINT, 32768.0, "value 32768.0 is out of range for smallint");
        assertRefused(IntegerConverter.BIGINT, Double.POSITIVE_INFINITY, "value Infinity is out of range for bigint");
    }

    @Test
    void bigintRealAtTwoToThe63IsRefusedNotSaturated() {
        // (long) 9.223372036854775807E18 would saturate to Long.MAX_VALUE: the real is 2^63, one past the range.
        assertRefused(
                IntegerConverter.BIGINT,
                9.223372036854775807E18,
                "value 9223372036854776000.0 is out of range for bigint");
        assertThat(convert(IntegerConverter.BIGINT, -9.223372036854775808E18)).isEqualTo("-9223372036854775808");
    }

    @Test
    void blobIsRefused() {
        assertRefused(IntegerConverter.INTEGER, new byte[] {1}, "BLOB into an integer column");
    }

    @Test
    void nullStaysNull() {
        assertThat(convert(IntegerConverter.SMALLINT, null)).isNull();
    }
}
