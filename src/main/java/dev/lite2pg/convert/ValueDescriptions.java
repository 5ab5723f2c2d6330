package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;

/**
 * Short, safe renderings of SQLite values for error messages and the report: the storage class and the value,
 * e.g. {@code TEXT '2023-02-29'}, {@code INTEGER 2}, {@code BLOB (16 bytes)}. Text is cut at about 80 characters and
 * control and format characters are escaped, so a message stays on one line and cannot hide or reorder what it shows.
 */
public final class ValueDescriptions {

    private static final int MAX_SHOWN_CHARS = 80;

    private ValueDescriptions() {}

    public static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Long l) {
            return "INTEGER " + l;
        }
        if (value instanceof Double d) {
            return "REAL " + ShortestDecimal.text(d);
        }
        if (value instanceof String s) {
            return describeText(s);
        }
        if (value instanceof InvalidUtf8Text t) {
            return "TEXT (invalid UTF-8, " + t.bytes().length + " bytes)";
        }
        if (value instanceof byte[] b) {
            return "BLOB (" + b.length + " bytes)";
        }
        return value.getClass().getSimpleName() + " " + quoted(String.valueOf(value));
    }

    /** SQLite's name for the storage class of a value: {@code NULL}, {@code INTEGER}, {@code REAL}, {@code TEXT} or {@code BLOB}. */
    public static String storageClass(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Long) {
            return "INTEGER";
        }
        if (value instanceof Double) {
            return "REAL";
        }
        if (value instanceof String || value instanceof InvalidUtf8Text) {
            return "TEXT";
        }
        if (value instanceof byte[]) {
            return "BLOB";
        }
        return value.getClass().getSimpleName();
    }

    private static String describeText(String s) {
        String shown = quoted(s);
        int codePoints = s.codePointCount(0, s.length());
        return codePoints > MAX_SHOWN_CHARS ? "TEXT " + shown + " (" + codePoints + " chars)" : "TEXT " + shown;
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SHOWN_CHARS) + 8).append('\'');
        int shown = 0;
        for (int i = 0; i < s.length(); ) {
            if (shown == MAX_SHOWN_CHARS) {
                return out.append("…'").toString();
            }
            int cp = s.codePointAt(i);
            appendEscaped(out, cp);
            i += Character.charCount(cp);
            shown++;
        }
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (isInvisible(cp)) {
                    out.append("\\u{").append(Integer.toHexString(cp)).append('}');
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    /** Characters that would break the line, vanish, or reorder the text around them (bidi controls are FORMAT). */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
