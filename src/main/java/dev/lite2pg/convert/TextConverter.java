package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;

/**
 * Text copied verbatim: text, varchar(n), char(n), enums (PostgreSQL judges membership) and every type we do not
 * know, whose own input function parses the text. Trailing spaces, backslashes and the empty string are kept as
 * they are. Numbers become the text SQLite would show for them.
 */
final class TextConverter implements ValueConverter {

    /** Length limit in characters (code points, as PostgreSQL counts), -1 for none. */
    private final int maxLength;

    private final String limitName;
    private final String description;

    private TextConverter(int maxLength, String limitName, String description) {
        this.maxLength = maxLength;
        this.limitName = limitName;
        this.description = description;
    }

    static TextConverter text() {
        return new TextConverter(-1, null, "text (verbatim)");
    }

    /** varchar(n) or, for {@code bpchar}, char(n); PostgreSQL would silently cut excess spaces, so any excess is refused. */
    static TextConverter limited(String baseName, int maxLength) {
        String name = baseName.equals("bpchar") ? "char" : baseName;
        if (maxLength < 0) {
            return new TextConverter(-1, null, name + " (verbatim)");
        }
        String limitName = name + "(" + maxLength + ")";
        return new TextConverter(maxLength, limitName, limitName + " (verbatim, length checked)");
    }

    static TextConverter enumeration(String typeName) {
        return new TextConverter(-1, null, "enum " + typeName + " (PostgreSQL checks membership)");
    }

    static TextConverter passThrough(String typeName) {
        return new TextConverter(-1, null, typeName + ": text, parsed by PostgreSQL");
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return checked(s);
        }
        if (value instanceof Long l) {
            return checked(l.toString());
        }
        if (value instanceof Double d) {
            return checked(ShortestDecimal.text(d));
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, "a text");
    }

    private String checked(String s) {
        if (s.indexOf('\0') >= 0) {
            throw Refusals.nulByte();
        }
        // length() counts UTF-16 units, never fewer than code points, so most values skip the exact count.
        if (maxLength >= 0 && s.length() > maxLength) {
            int length = s.codePointCount(0, s.length());
            if (length > maxLength) {
                throw new ConversionRefusedException("length " + length + " exceeds " + limitName);
            }
        }
        return s;
    }

    @Override
    public String description() {
        return description;
    }
}
