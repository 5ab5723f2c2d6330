package dev.lite2pg.checksum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical form of each target type the copy writes, as a {@link ValueHash}: one function for both sides of the
 * content check, the text the copy sent and the text PostgreSQL prints back ({@code COPY ... TO}, DateStyle ISO,
 * TimeZone UTC, bytea hex, extra_float_digits 3). Each form is invariant under what PostgreSQL's input does to a text
 * of that type and nothing else. A type left out here (arrays, domains, enums, intervals, ...) has no canonical form:
 * its table is compared through PostgreSQL as before.
 *
 * <p>Texts kept as they are (text, varchar, json, integers, date) are sound because their output function is the
 * inverse of their input: if PostgreSQL prints back exactly the text that was sent, it stored what that text means.
 */
public final class ValueHashes {

    private static final long TEXT = 0x7465787400000001L;
    private static final long TRUE = Hashing.of(0x626f6f6c, 1);
    private static final long FALSE = Hashing.of(0x626f6f6c, 0);
    private static final long UUID = 0x7575696400000002L;
    private static final long BYTES = 0x6279746500000003L;
    private static final long FLOAT = 0x666c6f6100000004L;
    private static final long NUMERIC = 0x6e756d6500000005L;
    private static final long MICROS = 0x74696d6500000006L;

    private static final Pattern TYPMOD = Pattern.compile("\\(([^)]*)\\)");

    private ValueHashes() {}

    /** The hash for a column of this type ({@code format_type}'s spelling), or empty when the type has none. */
    public static Optional<ValueHash> forType(String type) {
        Matcher typmod = TYPMOD.matcher(type);
        String modifier = typmod.find() ? typmod.group(1) : null;
        String base = TYPMOD.matcher(type).replaceAll("");
        ValueHash hash = switch (base) {
            case "text", "character varying", "json", "smallint", "integer", "bigint", "date" -> ValueHashes::text;
            case "character" -> ValueHashes::paddedText;
            case "boolean" -> ValueHashes::bool;
            case "uuid" -> ValueHashes::uuid;
            case "bytea" -> ValueHashes::bytea;
            case "double precision" -> ValueHashes::float8;
            case "real" -> ValueHashes::float4;
            case "numeric" -> numeric(modifier);
            case "timestamp without time zone" -> t -> micros(t, Temporals.timestamp(t));
            case "timestamp with time zone" -> t -> micros(t, Temporals.instant(t));
            case "time without time zone" -> t -> micros(t, Temporals.time(t));
            case "jsonb" -> new JsonbHash()::hash;
            default -> null;
        };
        return Optional.ofNullable(hash);
    }

    static long text(String s) {
        return Hashing.chars(TEXT, s);
    }

    /** character(n): PostgreSQL pads to n with spaces and drops trailing spaces past n, so trailing spaces never count. */
    static long paddedText(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return Hashing.chars(TEXT, s, 0, end);
    }

    /** What the converter writes (t, f) and PostgreSQL prints (t, f); other spellings keep their text. */
    static long bool(String s) {
        return switch (s) {
            case "t", "true" -> TRUE;
            case "f", "false" -> FALSE;
            default -> text(s);
        };
    }

    /** The 32 hex digits, any case, with or without hyphens and braces: all spell the same uuid. */
    static long uuid(String s) {
        long h = UUID;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = Character.digit(c, 16);
            if (v >= 0 && c < 0x80) {
                h = Hashing.step(h, v);
                digits++;
            } else if (c != '-' && c != '{' && c != '}') {
                return text(s);
            }
        }
        return digits == 32 ? Hashing.mix(h) : text(s);
    }

    /** Hex format ({@code \x...}) in either case is the same bytes; the escape format keeps its text. */
    static long bytea(String s) {
        if (!s.startsWith("\\x")) {
            return text(s);
        }
        long h = BYTES ^ s.length();
        for (int i = 2; i < s.length(); i++) {
            int v = Character.digit(s.charAt(i), 16);
            if (v < 0 || s.charAt(i) >= 0x80) {
                return text(s);
            }
            h = Hashing.step(h, v);
        }
        return Hashing.mix(h);
    }

    /** By the double's bits: -0 stays apart from 0, every NaN is PostgreSQL's one NaN, any spelling of a number is it. */
    static long float8(String s) {
        double d = floatValue(s);
        return Double.isNaN(d) && !isNaN(s) ? text(s) : Hashing.of(FLOAT, Double.doubleToLongBits(d));
    }

    /** As {@link #float8}, rounded once to float as PostgreSQL (12+, strtof) rounds a real's text. */
    static long float4(String s) {
        if (isNaN(s)) {
            return Hashing.of(FLOAT, Float.floatToIntBits(Float.NaN));
        }
        String special = infinity(s);
        if (special != null) {
            return Hashing.of(
                    FLOAT,
                    Float.floatToIntBits(special.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY));
        }
        if (!plainNumber(s)) {
            return text(s);
        }
        try {
            return Hashing.of(FLOAT, Float.floatToIntBits(Float.parseFloat(s)));
        } catch (NumberFormatException e) {
            return text(s);
        }
    }

    /** The double a text means, or NaN when it is not a number PostgreSQL's spelling allows (then hashed as text). */
    private static double floatValue(String s) {
        if (isNaN(s)) {
            return Double.NaN;
        }
        String special = infinity(s);
        if (special != null) {
            return special.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!plainNumber(s)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isNaN(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /** PostgreSQL's spellings of infinity, any case, signed or not; the sign is returned, or null. */
    private static String infinity(String s) {
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")) {
            return s.startsWith("-") ? "-" : "+";
        }
        return null;
    }

    /** Java also reads 0x1p3, 1d, 1f and non-ASCII digits; PostgreSQL does not: only these characters are let through. */
    private static boolean plainNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * numeric(p,s) rounds to s digits half away from zero (and pads to them), an unconstrained numeric keeps the written
     * scale but never a negative one (1e2 is 100); -0 is 0. NaN and the infinities by their lowercase name.
     */
    private static ValueHash numeric(String modifier) {
        Integer scale = null;
        if (modifier != null) {
            String[] parts = modifier.split(",");
            scale = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
        }
        Integer columnScale = scale;
        return s -> {
            if (isNaN(s)) {
                return Hashing.chars(NUMERIC, "nan");
            }
            String special = infinity(s);
            if (special != null) {
                return Hashing.chars(NUMERIC, special + "inf");
            }
            if (!plainNumber(s)) {
                return text(s);
            }
            BigDecimal value;
            try {
                value = new BigDecimal(s);
            } catch (NumberFormatException e) {
                return text(s);
            }
            if (columnScale != null) {
                value = value.setScale(columnScale, RoundingMode.HALF_UP);
            }
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            return Hashing.chars(NUMERIC, value.toPlainString().toLowerCase(Locale.ROOT));
        };
    }

    private static long micros(String text, long micros) {
        return micros == Temporals.NOT_PARSED ? text(text) : Hashing.of(MICROS, micros);
    }
}
