package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;

/**
 * bool from SQLite's usual spellings. Anything else (2, 'yes', '', REAL, BLOB) is refused rather than guessed. Text
 * spellings are counted ({@link Adjustment#TEXT_BOOLEAN}): the application may not have read them as they read.
 */
final class BooleanConverter implements ValueConverter {

    private static final String REASON = "not a boolean: expected 0/1, t/f, true/false";

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            if (l == 0) {
                return "f";
            }
            if (l == 1) {
                return "t";
            }
        } else if (value instanceof String s) {
            String bool = fromText(s);
            notes.count(Adjustment.TEXT_BOOLEAN);
            return bool;
        } else if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw new ConversionRefusedException(REASON);
    }

    private static String fromText(String s) {
        if (s.equals("1") || s.equalsIgnoreCase("t") || s.equalsIgnoreCase("true")) {
            return "t";
        }
        if (s.equals("0") || s.equalsIgnoreCase("f") || s.equalsIgnoreCase("false")) {
            return "f";
        }
        throw new ConversionRefusedException(REASON);
    }

    @Override
    public String description() {
        return "boolean from 0/1 or t/f/true/false";
    }
}
