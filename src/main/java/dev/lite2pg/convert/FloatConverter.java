package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;

/**
 * float4 and float8. A REAL or INTEGER goes in only if the column's binary type holds it exactly (a float4 column
 * refuses REAL 0.1, whose double is not a float). Text is a decimal the application wrote; it is rounded to the
 * column's type exactly as PostgreSQL would, and refused where PostgreSQL would overflow or underflow.
 */
final class FloatConverter implements ValueConverter {

    private static final int INVALID = -1;
    private static final int ALL_ZERO_DIGITS = 0;
    private static final int SOME_NONZERO_DIGIT = 1;

    static final FloatConverter REAL = new FloatConverter(true);
    static final FloatConverter DOUBLE_PRECISION = new FloatConverter(false);

    private final boolean single;
    private final String typeName;

    private FloatConverter(boolean single) {
        this.single = single;
        this.typeName = single ? "real" : "double precision";
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            return fromInteger(l);
        }
        if (value instanceof Double d) {
            return fromReal(d);
        }
        if (value instanceof String s) {
            return fromText(s);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, single ? "a real" : "a double precision");
    }

    private String fromInteger(long l) {
        // Casts to long saturate at 2^63, so Long.MAX_VALUE would otherwise look exactly representable.
        if (single) {
            float f = l;
            if (f < 0x1p63f && (long) f == l) {
                return ShortestDecimal.text(f);
            }
        } else {
            double d = l;
            if (d < 0x1p63 && (long) d == l) {
                return ShortestDecimal.text(d);
            }
        }
        throw notExact(Long.toString(l));
    }

    private String fromReal(double d) {
        if (!single || Double.isNaN(d)) {
            return ShortestDecimal.text(d);
        }
        float f = (float) d;
        if (f != d) {
            throw notExact(ShortestDecimal.text(d));
        }
        return ShortestDecimal.text(f);
    }

    private String fromText(String s) {
        String special = specialSpelling(s);
        if (special != null) {
            return special;
        }
        int digits = checkSyntax(s);
        if (digits == INVALID) {
            throw new ConversionRefusedException(
                    "not a number: expected digits with an optional sign, point and exponent, or NaN/Infinity");
        }
        if (single) {
            float f = Float.parseFloat(s);
            checkRange(Float.isInfinite(f) || (f == 0 && digits == SOME_NONZERO_DIGIT), s);
            return ShortestDecimal.text(f);
        }
        double d = Double.parseDouble(s);
        checkRange(Double.isInfinite(d) || (d == 0 && digits == SOME_NONZERO_DIGIT), s);
        return ShortestDecimal.text(d);
    }

    private void checkRange(boolean outOfRange, String s) {
        if (outOfRange) {
            throw new ConversionRefusedException("value " + s + " is out of range for " + typeName);
        }
    }

    /** PostgreSQL's spellings of the special values, any case; returns the canonical one or null. */
    private static String specialSpelling(String s) {
        if (s.isEmpty() || (s.charAt(0) >= '0' && s.charAt(0) <= '9') || s.charAt(0) == '.') {
            return null;
        }
        if (s.equalsIgnoreCase("NaN")) {
            return "NaN";
        }
        if (s.equalsIgnoreCase("Infinity")
                || s.equalsIgnoreCase("+Infinity")
                || s.equalsIgnoreCase("inf")
                || s.equalsIgnoreCase("+inf")) {
            return "Infinity";
        }
        if (s.equalsIgnoreCase("-Infinity") || s.equalsIgnoreCase("-inf")) {
            return "-Infinity";
        }
        return null;
    }

    /**
     * Checks {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?} — what PostgreSQL reads, minus the
     * surrounding spaces and the hexadecimal and 'd'/'f' suffix forms Java's parser would also take.
     */
    private static int checkSyntax(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        boolean nonZero = false;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissaDigits++;
                nonZero |= c != '0';
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (mantissaDigits == 0) {
            return INVALID;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == exponentStart) {
                return INVALID;
            }
        }
        if (i != n) {
            return INVALID;
        }
        return nonZero ? SOME_NONZERO_DIGIT : ALL_ZERO_DIGITS;
    }

    private ConversionRefusedException notExact(String shown) {
        return new ConversionRefusedException("value " + shown + " cannot be stored exactly in " + typeName);
    }

    @Override
    public String description() {
        return single
                ? "real (float4), refused unless exactly representable"
                : "double precision (float8), exact round-trip";
    }
}
