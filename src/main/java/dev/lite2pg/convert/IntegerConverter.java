package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.math.BigInteger;

/** int2, int4 and int8: whole numbers only, range-checked here so the reason names the value and the type. */
final class IntegerConverter implements ValueConverter {

    /** Up to 18 digits always fit in a long, so Long.parseLong cannot overflow; longer text goes through BigInteger. */
    private static final int SAFE_LONG_DIGITS = 18;

    private static final double TWO_TO_63 = 0x1p63;

    static final IntegerConverter SMALLINT =
            new IntegerConverter("smallint", "a smallint", Short.MIN_VALUE, Short.MAX_VALUE);
    static final IntegerConverter INTEGER =
            new IntegerConverter("integer", "an integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    static final IntegerConverter BIGINT = new IntegerConverter("bigint", "a bigint", Long.MIN_VALUE, Long.MAX_VALUE);

    private final String typeName;
    private final String column;
    private final long min;
    private final long max;

    private IntegerConverter(String typeName, String column, long min, long max) {
        this.typeName = typeName;
        this.column = column;
        this.min = min;
        this.max = max;
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            if (l < min || l > max) {
                throw outOfRange(l.toString());
            }
            return l.toString();
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
        throw Refusals.wrongStorageClass(value, column);
    }

    private String fromReal(double d) {
        if (Double.isNaN(d) || (d != Math.rint(d) && !Double.isInfinite(d))) {
            throw new ConversionRefusedException("value " + ShortestDecimal.text(d) + " is not an integer");
        }
        // The cast to long saturates; testing against 2^63 first keeps 9.3e18 from passing as Long.MAX_VALUE.
        if (d < -TWO_TO_63 || d >= TWO_TO_63 || (long) d < min || (long) d > max) {
            throw outOfRange(ShortestDecimal.text(d));
        }
        return Long.toString((long) d);
    }

    private String fromText(String s) {
        int start = s.isEmpty() || (s.charAt(0) != '+' && s.charAt(0) != '-') ? 0 : 1;
        if (start == s.length()) {
            throw notAnInteger();
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw notAnInteger();
            }
        }
        if (s.length() - start <= SAFE_LONG_DIGITS) {
            return checked(Long.parseLong(s), s);
        }
        BigInteger big = new BigInteger(s);
        if (big.bitLength() > Long.SIZE - 1) {
            throw outOfRange(s);
        }
        return checked(big.longValue(), s);
    }

    private String checked(long v, String shown) {
        if (v < min || v > max) {
            throw outOfRange(shown);
        }
        return Long.toString(v);
    }

    private ConversionRefusedException outOfRange(String shown) {
        return new ConversionRefusedException("value " + shown + " is out of range for " + typeName);
    }

    private static ConversionRefusedException notAnInteger() {
        return new ConversionRefusedException("not an integer: expected an optional sign and digits only");
    }

    @Override
    public String description() {
        return typeName + " from INTEGER, whole REAL or decimal digits";
    }
}
