package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.math.BigDecimal;

/**
 * numeric, exactly: PostgreSQL would round a value to the column's scale without a word, so a value that needs more
 * scale or more integer digits than the column allows is refused here instead.
 */
final class NumericConverter implements ValueConverter {

    /** PostgreSQL's own limits for an unconstrained numeric: digits before and after the decimal point. */
    private static final int MAX_INTEGER_DIGITS = 131_072;

    private static final int MAX_SCALE = 16_383;

    /** -1 when unconstrained; a scale may be negative (PostgreSQL 15+: numeric(3,-2) rounds to hundreds). */
    private final int precision;

    private final int scale;
    private final String typeName;

    NumericConverter(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
        this.typeName = precision < 0 ? "numeric" : "numeric(" + precision + "," + scale + ")";
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            return precision < 0 ? l.toString() : checked(BigDecimal.valueOf(l)).toPlainString();
        }
        if (value instanceof Double d) {
            if (Double.isInfinite(d)) {
                return infinity(d > 0);
            }
            if (Double.isNaN(d)) {
                throw notFinite(ShortestDecimal.text(d));
            }
            return checked(ShortestDecimal.of(d)).toPlainString();
        }
        if (value instanceof String s) {
            if (!hasOnlyNumberCharacters(s) && isInfinity(s)) {
                return infinity(!s.startsWith("-"));
            }
            return checked(parse(s)).toPlainString();
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, "a numeric");
    }

    private static BigDecimal parse(String s) {
        if (!hasOnlyNumberCharacters(s)) {
            throw isSpecial(s) ? notFinite(s) : notANumber();
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw notANumber();
        }
    }

    /** BigDecimal also reads non-ASCII digits such as '١٢٣'; PostgreSQL does not, and neither do we. */
    private static boolean hasOnlyNumberCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    /**
     * PostgreSQL 14+ stores ±Infinity in an unconstrained numeric, so it is copied exactly (the server's own spelling);
     * a numeric with precision cannot hold it there either. PostgreSQL 13 and older refuse it during the COPY.
     */
    private String infinity(boolean positive) {
        if (precision >= 0) {
            throw new ConversionRefusedException((positive ? "Infinity" : "-Infinity") + " cannot be stored in "
                    + typeName + "; only an unconstrained numeric holds it");
        }
        return positive ? "Infinity" : "-Infinity";
    }

    /** The spellings of infinity PostgreSQL's numeric input reads, any case, with an optional sign. */
    private static boolean isInfinity(String s) {
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return unsigned.equalsIgnoreCase("Infinity") || unsigned.equalsIgnoreCase("inf");
    }

    private static boolean isSpecial(String s) {
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return unsigned.equalsIgnoreCase("NaN")
                || unsigned.equalsIgnoreCase("Infinity")
                || unsigned.equalsIgnoreCase("inf");
    }

    /** Refuses what PostgreSQL would round or reject; returns the value unchanged, so text keeps its written scale. */
    private BigDecimal checked(BigDecimal value) {
        int integerDigits = integerDigits(value);
        if (precision < 0) {
            if (integerDigits > MAX_INTEGER_DIGITS || value.scale() > MAX_SCALE) {
                throw new ConversionRefusedException("value is out of range for numeric");
            }
            return value;
        }
        int neededScale = value.signum() == 0 ? 0 : value.stripTrailingZeros().scale();
        if (neededScale > scale) {
            throw new ConversionRefusedException("needs scale " + neededScale + "; column allows " + typeName);
        }
        if (integerDigits > precision - scale) {
            throw new ConversionRefusedException("needs " + integerDigits + (integerDigits == 1 ? " digit" : " digits")
                    + " before the decimal point; column allows " + typeName);
        }
        return value;
    }

    private static int integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(0, value.precision() - value.scale());
    }

    private static ConversionRefusedException notANumber() {
        return new ConversionRefusedException(
                "not a number: expected digits with an optional sign, point and exponent");
    }

    private static ConversionRefusedException notFinite(String shown) {
        return new ConversionRefusedException("not a finite number: " + shown);
    }

    @Override
    public String description() {
        return typeName + " exact";
    }
}
