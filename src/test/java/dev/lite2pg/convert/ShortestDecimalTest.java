package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortestDecimalTest {

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "19.99, 19.99",
        "3.0, 3",
        "100.0, 1E+2",
        "-2.5, -2.5",
        "0.30000000000000004, 0.30000000000000004"
    })
    void shortestDecimalOfCommonDoubles(double d, String expected) {
        assertThat(ShortestDecimal.of(d)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void findsShorterDigitsThanJdk17ToString() {
        // JDK 17 prints 2.82879384806159008E17 (18 digits); 15 digits read back as the same double.
        double d = 2.82879384806159E17;
        assertThat(ShortestDecimal.of(d)).isEqualTo(new BigDecimal("2.82879384806159E+17"));
        assertThat(ShortestDecimal.of(d).doubleValue()).isEqualTo(d);
    }

    @Test
    void seventeenDigitsWhenNeeded() {
        double d = 0.1 + 0.7; // 0.7999999999999999
        assertThat(ShortestDecimal.of(d)).isEqualTo(new BigDecimal("0.7999999999999999"));
        double next = Math.nextUp(1.0);
        assertThat(ShortestDecimal.of(next)).isEqualTo(new BigDecimal("1.0000000000000002"));
    }

    @Test
    void floatDigits() {
        assertThat(ShortestDecimal.of(0.1f)).isEqualTo(new BigDecimal("0.1"));
        assertThat(ShortestDecimal.of(16777216f)).isEqualTo(new BigDecimal("1.6777216E+7"));
        assertThat(ShortestDecimal.of(Math.nextUp(1.0f))).isEqualTo(new BigDecimal("1.0000001"));
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5",
        "3.0, 3.0",
        "-3.0, -3.0",
        "0.0, 0.0",
        "-0.0, -0.0",
        "1e20, 100000000000000000000.0",
        "1e21, 1e+21",
        "1.5e21, 1.5e+21",
        "1e-7, 0.0000001",
        "1.5e-8, 1.5e-8",
        "-1.25e-300, -1.25e-300",
        "123456.789, 123456.789"
    })
    void textForm(double d, String expected) {
        assertThat(ShortestDecimal.text(d)).isEqualTo(expected);
    }

    @Test
    void textOfSpecials() {
        assertThat(ShortestDecimal.text(Double.NaN)).isEqualTo("NaN");
        assertThat(ShortestDecimal.text(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(ShortestDecimal.text(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }
}
