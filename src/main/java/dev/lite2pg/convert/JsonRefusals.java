package dev.lite2pg.convert;

/**
 * The reasons {@link JsonValidator} gives. A position is "at character N", counting characters (code points) from 1,
 * so an operator can find it in the value the report shows; the value itself is never repeated, only the one
 * character that was not expected (as U+XXXX when it is not printable ASCII).
 */
final class JsonRefusals {

    private JsonRefusals() {}

    static ConversionRefusedException invalid(String reason) {
        return new ConversionRefusedException("invalid JSON: " + reason);
    }

    /** Worded as Jackson did before (and as existing reports and tests have it): "Unexpected end-of-input: ...". */
    static ConversionRefusedException endOfInput(String what) {
        return invalid("Unexpected end-of-input" + (what.startsWith("in ") ? " " : ": ") + what);
    }

    static ConversionRefusedException unexpected(String text, int at, String expected) {
        return invalid(
                "Unexpected " + show(text, at) + " at character " + character(text, at) + ": expected " + expected);
    }

    static ConversionRefusedException leadingZero(String text, int at) {
        return invalid("Unexpected " + show(text, at) + " at character " + character(text, at)
                + ": a number cannot have leading zeros");
    }

    /** A word where a value belongs: a misspelt literal, or a character that starts nothing at all. */
    static ConversionRefusedException badLiteral(String text, int at) {
        char c = text.charAt(at);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return invalid("Unrecognized token at character " + character(text, at) + ": expected true, false or null");
        }
        return unexpected(text, at, "a value");
    }

    /** After the one value, more text: another value, or something that could never follow. */
    static ConversionRefusedException trailing(String text, int at) {
        char c = text.charAt(at);
        if (c == '{'
                || c == '['
                || c == '"'
                || c == '-'
                || c >= '0' && c <= '9'
                || text.startsWith("true", at)
                || text.startsWith("false", at)
                || text.startsWith("null", at)) {
            return invalid("more than one value");
        }
        return unexpected(text, at, "the end of the text");
    }

    static ConversionRefusedException controlCharacter(String text, int at) {
        return invalid("Unexpected control character " + show(text, at) + " at character " + character(text, at)
                + ": in a string it must be escaped");
    }

    static ConversionRefusedException invalidEscape(String text, int backslash) {
        int c = text.codePointAt(backslash + 1);
        String escape =
                c > 0x20 && c < 0x7f ? "'\\" + (char) c + "'" : "(backslash and " + String.format("U+%04X", c) + ")";
        return invalid("Invalid escape " + escape + " at character " + character(text, backslash)
                + ": expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }

    static ConversionRefusedException badUnicodeEscape(String text, int backslash) {
        return invalid("Invalid \\u escape at character " + character(text, backslash) + ": expected 4 hex digits");
    }

    /** As before: the same words for every broken pair, escaped or not. */
    static ConversionRefusedException unpairedSurrogate() {
        return invalid("unpaired surrogate escape in a string");
    }

    static ConversionRefusedException loneSurrogate(String text, int at) {
        return invalid("unpaired surrogate " + show(text, at) + " at character " + character(text, at)
                + ": it has no UTF-8 form");
    }

    static ConversionRefusedException nul() {
        return new ConversionRefusedException("jsonb cannot store \\u0000");
    }

    /** PostgreSQL would stop with "stack depth limit exceeded", failing the whole COPY rather than this one value. */
    static ConversionRefusedException tooDeep(String text, int at, int limit) {
        return invalid("nested deeper than " + limit + " levels at character " + character(text, at)
                + ": PostgreSQL refuses such a value (stack depth limit exceeded); flatten it or store it as text");
    }

    static ConversionRefusedException duplicateKey(String key) {
        return new ConversionRefusedException("duplicate key \"" + key + "\": jsonb would keep only the last value");
    }

    static ConversionRefusedException numberOutOfRange(String text, int at) {
        return new ConversionRefusedException("jsonb cannot store the number at character " + character(text, at)
                + ": it is beyond numeric's range (at most " + JsonbNumbers.MAX_WEIGHT_DIGITS
                + " digits before the decimal point and " + JsonbNumbers.MAX_SCALE + " after)");
    }

    private static int character(String text, int at) {
        return text.codePointCount(0, at) + 1;
    }

    private static String show(String text, int at) {
        int c = text.codePointAt(at);
        if (c == '\'') {
            return "\"'\"";
        }
        return c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }
}
