package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FloatConverterTest {

    private static final FloatConverter FLOAT8 = FloatConverter.DOUBLE_PRECISION;
    private static final FloatConverter FLOAT4 = FloatConverter.REAL;

    private static void assertRefused(FloatConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void realsRoundTripThroughTheirShortestDecimal() {
        assertThat(FLOAT8.convert(0.1, ConversionNotes.IGNORE)).isEqualTo("0.1");
        assertThat(FLOAT8.convert(0.1 + 0.2, ConversionNotes.IGNORE)).isEqualTo("0.30000000000000004");
        assertThat(FLOAT8.convert(-2.5, ConversionNotes.IGNORE)).isEqualTo("-2.5");
        assertThat(FLOAT8.convert(1e300, ConversionNotes.IGNORE)).isEqualTo("1e+300");
        assertThat(FLOAT8.convert(Double.MIN_VALUE, ConversionNotes.IGNORE)).isEqualTo("4.9e-324");
        assertThat(Double.parseDouble(FLOAT8.convert(Double.MIN_VALUE, ConversionNotes.IGNORE)))
                .isEqualTo(Double.MIN_VALUE);
        assertThat(FLOAT8.convert(-0.0, ConversionNotes.IGNORE)).isEqualTo("-0.0");
    }

    @Test
    void specialRealsUsePostgresSpellings() {
        assertThat(FLOAT8.convert(Double.NaN, ConversionNotes.IGNORE)).isEqualTo("NaN");
        assertThat(FLOAT8.convert(Double.POSITIVE_INFINITY, ConversionNotes.IGNORE))
                .isEqualTo("Infinity");
        assertThat(FLOAT4.convert(Double.NEGATIVE_INFINITY, ConversionNotes.IGNORE))
                .isEqualTo("-Infinity");
        assertThat(FLOAT4.convert(Double.NaN, ConversionNotes.IGNORE)).isEqualTo("NaN");
    }

    @Test
    void float4TakesOnlyRealsItHoldsExactly() {
        assertThat(FLOAT4.convert(0.5, ConversionNotes.IGNORE)).isEqualTo("0.5");
        assertThat(FLOAT4.convert((double) 0.1f, ConversionNotes.IGNORE)).isEqualTo("0.1");
        assertRefused(FLOAT4, 0.1, "value 0.1 cannot be stored exactly in real");
        assertRefused(FLOAT4, 1e300, "value 1e+300 cannot be stored exactly in real");
    }

    @Test
    void integersMustBeExactlyRepresentable() {
        assertThat(FLOAT8.convert(3L, ConversionNotes.IGNORE)).isEqualTo("3.0");
        assertThat(FLOAT8.convert(9007199254740992L, ConversionNotes.IGNORE)).isEqualTo("9007199254740992.0");
        assertRefused(FLOAT8, 9007199254740993L, "value 9007199254740993 cannot be stored exactly in double precision");
        assertRefused(FLOAT8, Long.MAX_VALUE, "value 9223372036854775807 cannot be stored exactly in double precision");
        // -2^63 is a double; its shortest decimal, -9.223372036854776e18, reads back as exactly that double.
        assertThat(FLOAT8.convert(Long.MIN_VALUE, ConversionNotes.IGNORE)).isEqualTo("-9223372036854776000.0");
        assertThat((long) Double.parseDouble("-9223372036854776000.0")).isEqualTo(Long.MIN_VALUE);
        assertThat(FLOAT4.convert(16777216L, ConversionNotes.IGNORE)).isEqualTo("16777216.0");
        assertRefused(FLOAT4, 16777217L, "value 16777217 cannot be stored exactly in real");
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5", "-1, -1.0", "+2.50, 2.5", ".5, 0.5", "5., 5.0", "1e3, 1000.0", "1E-3, 0.001",
        "0.1, 0.1", "0, 0.0", "NaN, NaN", "nan, NaN", "Infinity, Infinity", "-Infinity, -Infinity", "inf, Infinity",
        "-INF, -Infinity", "+infinity, Infinity"
    })
    void textNumbersAndSpellings(String text, String expected) {
        assertThat(FLOAT8.convert(text, ConversionNotes.IGNORE)).isEqualTo(expected);
    }

    @Test
    void float4TextIsReadAsAFloat() {
        assertThat(FLOAT4.convert("0.1", ConversionNotes.IGNORE)).isEqualTo("0.1");
        assertThat(FLOAT4.convert("3.4028235e38", ConversionNotes.IGNORE)).isEqualTo("3.4028235e+38");
        assertRefused(FLOAT4, "1e39", "value 1e39 is out of range for real");
        assertRefused(FLOAT4, "1e-50", "value 1e-50 is out of range for real");
    }

    @Test
    void textOverflowAndUnderflowAreRefusedLikePostgres() {
        assertRefused(FLOAT8, "1e400", "value 1e400 is out of range for double precision");
        assertRefused(FLOAT8, "-1e400", "value -1e400 is out of range for double precision");
        assertRefused(FLOAT8, "1e-400", "value 1e-400 is out of range for double precision");
        assertThat(FLOAT8.convert("0e-400", ConversionNotes.IGNORE)).isEqualTo("0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", " 1", "1 ", "0x1p3", "1d", "1f", "1e", "e5", ".", "+", "1.2.3", "--1"})
    void otherTextIsRefused(String text) {
        assertRefused(
                FLOAT8,
                text,
                "not a number: expected digits with an optional sign, point and exponent, or NaN/Infinity");
    }

    @Test
    void blobIsRefused() {
        assertRefused(FLOAT8, new byte[] {1}, "BLOB into a double precision column");
    }
}
