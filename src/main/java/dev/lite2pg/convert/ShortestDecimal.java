package dev.lite2pg.convert;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The shortest decimal that reads back as exactly the same binary floating-point number.
 *
 * <p>SQLite stores REAL as a double; a value written as {@code 19.99} is held as 19.989999999999998436805981327779591083526611328125.
 * Its shortest round-trip decimal, {@code 19.99}, is the number the application meant, and it is what we copy.
 * JDK 17's {@link Double#toString} is always round-trip exact but not always shortest (JDK-4511638, fixed in JDK 19):
 * it can print 18 digits where 15 would do. When it prints at most 15 significant digits we take its answer; beyond that
 * the slow path tries each precision from 1 up, and the nearest decimal at the first precision that reads back is the
 * shortest one. Either way the result reads back as the same double, so it is exact.
 */
final class ShortestDecimal {

    /** Any decimal of up to 15 significant digits survives decimal → binary → decimal, so a toString that short is kept. */
    private static final int ALWAYS_SHORTEST_DOUBLE = 15;

    private static final int MAX_DOUBLE_DIGITS = 17;
    private static final int ALWAYS_SHORTEST_FLOAT = 6;
    private static final int MAX_FLOAT_DIGITS = 9;

    /** Plain notation in this decimal-exponent range, scientific outside it (the rule JavaScript uses for numbers). */
    private static final int MIN_PLAIN_EXPONENT = -7;

    private static final int MAX_PLAIN_EXPONENT = 20;

    private ShortestDecimal() {}

    /** The shortest decimal equal to {@code d} after rounding to double, without trailing zeros; {@code d} must be finite. */
    static BigDecimal of(double d) {
        BigDecimal fast = BigDecimal.valueOf(d).stripTrailingZeros();
        if (fast.precision() <= ALWAYS_SHORTEST_DOUBLE) {
            return fast;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < MAX_DOUBLE_DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(MAX_DOUBLE_DIGITS)).stripTrailingZeros();
    }

    /** The shortest decimal that reads back as exactly {@code f} when parsed as a float; {@code f} must be finite. */
    static BigDecimal of(float f) {
        BigDecimal fast = new BigDecimal(Float.toString(f)).stripTrailingZeros();
        if (fast.precision() <= ALWAYS_SHORTEST_FLOAT) {
            return fast;
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits < MAX_FLOAT_DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits));
            if (candidate.floatValue() == f) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(MAX_FLOAT_DIGITS)).stripTrailingZeros();
    }

    /**
     * Text for a double, as SQLite users expect to see it: {@code 1.5}, {@code 3.0}, {@code 1e+21}, {@code 1.5e-8};
     * {@code NaN}, {@code Infinity} and {@code -Infinity} in PostgreSQL's spelling. Every form is valid JSON
     * (except the three specials) and valid input for PostgreSQL's numeric and float types.
     */
    static String text(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        return format(of(d));
    }

    /** Like {@link #text(double)} for a float, with the float's own shortest digits. */
    static String text(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return special(f);
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0.0" : "0.0";
        }
        return format(of(f));
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        return d > 0 ? "Infinity" : "-Infinity";
    }

    private static String format(BigDecimal stripped) {
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent >= MIN_PLAIN_EXPONENT && exponent <= MAX_PLAIN_EXPONENT) {
            String plain = stripped.toPlainString();
            return stripped.scale() <= 0 ? plain + ".0" : plain;
        }
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (stripped.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        return out.append('e')
                .append(exponent < 0 ? '-' : '+')
                .append(Math.abs(exponent))
                .toString();
    }
}
