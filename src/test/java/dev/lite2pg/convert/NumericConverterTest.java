package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericConverterTest {

    private static final NumericConverter PRICE = new NumericConverter(5, 2);
    private static final NumericConverter MONEY = new NumericConverter(10, 2);
    private static final NumericConverter ANY = new NumericConverter(-1, -1);

    private static void assertRefused(NumericConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void realsAreReadAsTheirShortestDecimal() {
        assertThat(MONEY.convert(19.99, ConversionNotes.IGNORE)).isEqualTo("19.99");
        assertThat(PRICE.convert(0.5, ConversionNotes.IGNORE)).isEqualTo("0.5");
        assertThat(PRICE.convert(3.0, ConversionNotes.IGNORE)).isEqualTo("3");
        assertThat(ANY.convert(0.1 + 0.2, ConversionNotes.IGNORE)).isEqualTo("0.30000000000000004");
        assertThat(ANY.convert(1e21, ConversionNotes.IGNORE)).isEqualTo("1000000000000000000000");
    }

    @Test
    void realNeedingMoreScaleThanTheColumnIsRefused() {
        assertRefused(MONEY, 0.1 + 0.2, "needs scale 17; column allows numeric(10,2)");
        assertRefused(PRICE, 1.125, "needs scale 3; column allows numeric(5,2)");
    }

    @Test
    void tooManyIntegerDigitsIsRefused() {
        assertThat(PRICE.convert(999L, ConversionNotes.IGNORE)).isEqualTo("999");
        assertThat(PRICE.convert("-999.99", ConversionNotes.IGNORE)).isEqualTo("-999.99");
        assertRefused(PRICE, 1000L, "needs 4 digits before the decimal point; column allows numeric(5,2)");
        assertRefused(PRICE, "1000.5", "needs 4 digits before the decimal point; column allows numeric(5,2)");
        assertRefused(PRICE, 1000.0, "needs 4 digits before the decimal point; column allows numeric(5,2)");
    }

    @Test
    void textIsReadExactlyAndKeepsItsWrittenScale() {
        assertThat(PRICE.convert("1.50", ConversionNotes.IGNORE)).isEqualTo("1.50");
        assertThat(PRICE.convert("1.500", ConversionNotes.IGNORE)).isEqualTo("1.500");
        assertThat(ANY.convert("12345678901234567890.123456789012345678901", ConversionNotes.IGNORE))
                .isEqualTo("12345678901234567890.123456789012345678901");
        assertThat(ANY.convert("1e3", ConversionNotes.IGNORE)).isEqualTo("1000");
        assertThat(ANY.convert("+.5", ConversionNotes.IGNORE)).isEqualTo("0.5");
        assertRefused(PRICE, "0.001", "needs scale 3; column allows numeric(5,2)");
    }

    @Test
    void zeroFitsEvenWithNoIntegerDigits() {
        NumericConverter fraction = new NumericConverter(2, 2);
        assertThat(fraction.convert(0L, ConversionNotes.IGNORE)).isEqualTo("0");
        assertThat(fraction.convert("0.99", ConversionNotes.IGNORE)).isEqualTo("0.99");
        assertRefused(fraction, 1L, "needs 1 digit before the decimal point; column allows numeric(2,2)");
    }

    @Test
    void integersAreExact() {
        assertThat(ANY.convert(Long.MIN_VALUE, ConversionNotes.IGNORE)).isEqualTo("-9223372036854775808");
        assertThat(new NumericConverter(19, 0).convert(Long.MAX_VALUE, ConversionNotes.IGNORE))
                .isEqualTo("9223372036854775807");
    }

    @Test
    void negativeScaleAllowsOnlyMultiples() {
        NumericConverter hundreds = new NumericConverter(3, -2);
        assertThat(hundreds.convert(12300L, ConversionNotes.IGNORE)).isEqualTo("12300");
        assertRefused(hundreds, 12345L, "needs scale 0; column allows numeric(3,-2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-nan"})
    void notANumberTextIsRefused(String text) {
        assertRefused(ANY, text, "not a finite number: " + text);
    }

    @Test
    void infinityGoesIntoAnUnconstrainedNumericAsPostgresSpellsIt() {
        assertThat(ANY.convert(Double.POSITIVE_INFINITY, ConversionNotes.IGNORE))
                .isEqualTo("Infinity");
        assertThat(ANY.convert(Double.NEGATIVE_INFINITY, ConversionNotes.IGNORE))
                .isEqualTo("-Infinity");
        assertThat(ANY.convert("Infinity", ConversionNotes.IGNORE)).isEqualTo("Infinity");
        assertThat(ANY.convert("+inf", ConversionNotes.IGNORE)).isEqualTo("Infinity");
        assertThat(ANY.convert("-INFINITY", ConversionNotes.IGNORE)).isEqualTo("-Infinity");
    }

    @Test
    void infinityIsRefusedByANumericWithPrecision() {
        assertRefused(
                MONEY,
                Double.POSITIVE_INFINITY,
                "Infinity cannot be stored in numeric(10,2); only an unconstrained numeric holds it");
        assertRefused(
                MONEY,
                "-Infinity",
                "-Infinity cannot be stored in numeric(10,2); only an unconstrained numeric holds it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3", " 1", "1 ", "1,5", "0x1F", "١٢٣", "--1"})
    void garbageTextIsRefused(String text) {
        assertRefused(ANY, text, "not a number: expected digits with an optional sign, point and exponent");
    }

    @Test
    void notANumberRealIsRefused() {
        assertRefused(ANY, Double.NaN, "not a finite number: NaN");
    }

    @Test
    void hugeExponentIsRefusedBeforeItIsWrittenOut() {
        assertRefused(ANY, "1e999999999", "value is out of range for numeric");
        assertRefused(ANY, "1e-999999999", "value is out of range for numeric");
    }

    @Test
    void blobIsRefused() {
        assertRefused(ANY, new byte[0], "BLOB into a numeric column");
    }

    @Test
    void descriptionNamesPrecisionAndScale() {
        assertThat(PRICE.description()).isEqualTo("numeric(5,2) exact");
        assertThat(ANY.description()).isEqualTo("numeric exact");
    }
}
