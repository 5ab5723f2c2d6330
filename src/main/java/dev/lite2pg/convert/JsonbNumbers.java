package dev.lite2pg.convert;

/**
 * Whether jsonb can store a JSON number: it keeps numbers as {@code numeric}, whose input refuses ("value overflows
 * numeric format") what its storage cannot hold, while json keeps any number as text. The limits are numeric's
 * (PostgreSQL's numeric.c, set_var_from_str and make_result): an exponent under {@value #MAX_EXPONENT} either way;
 * a display scale (digits after the point, once the exponent moved it) of at most {@value #MAX_SCALE}, trailing
 * zeros included; and a weight (position of the first non-zero digit, in base-10000 digits) of at most 32767, so at
 * most {@value #MAX_WEIGHT_DIGITS} digits before the point. Zero has weight 0 whatever its exponent.
 */
final class JsonbNumbers {

    static final int MAX_SCALE = 0x3FFF;
    static final int MAX_WEIGHT_DIGITS = 4 * (Short.MAX_VALUE + 1);
    /** numeric_in refuses an exponent of INT_MAX / 2 or more, of either sign, before looking at the digits. */
    static final long MAX_EXPONENT = Integer.MAX_VALUE / 2;

    private JsonbNumbers() {}

    /** @param start and end bound a number the JSON grammar accepts */
    static boolean fits(String text, int start, int end) {
        int p = text.charAt(start) == '-' ? start + 1 : start;
        long integerDigits = 0;
        long fractionDigits = 0;
        long firstNonZero = -1;
        boolean fraction = false;
        for (; p < end; p++) {
            char c = text.charAt(p);
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c != '0' && firstNonZero < 0) {
                firstNonZero = integerDigits + fractionDigits;
            }
            if (fraction) {
                fractionDigits++;
            } else {
                integerDigits++;
            }
        }
        long exponent = 0;
        if (p < end) {
            p++;
            boolean negative = text.charAt(p) == '-';
            if (negative || text.charAt(p) == '+') {
                p++;
            }
            for (; p < end; p++) {
                exponent = exponent * 10 + (text.charAt(p) - '0');
                if (exponent >= MAX_EXPONENT) {
                    return false;
                }
            }
            exponent = negative ? -exponent : exponent;
        }
        if (Math.max(0, fractionDigits - exponent) > MAX_SCALE) {
            return false;
        }
        if (firstNonZero < 0) {
            return true;
        }
        long decimalWeight = integerDigits - 1 + exponent - firstNonZero;
        return Math.floorDiv(decimalWeight, 4) <= Short.MAX_VALUE;
    }
}
