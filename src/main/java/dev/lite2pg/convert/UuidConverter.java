package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;

/**
 * uuid from text (8-4-4-4-12 hex, or 32 hex digits, in any case, optionally in braces) or from a 16-byte BLOB, the two
 * ways applications store them in SQLite. Written in PostgreSQL's canonical lowercase form.
 */
final class UuidConverter implements ValueConverter {

    private static final String REASON = "not a uuid: expected 8-4-4-4-12 hex digits or a 16-byte BLOB";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int HYPHENATED_LENGTH = 36;
    private static final int BARE_LENGTH = 32;
    private static final int BYTES = 16;

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return fromText(s);
        }
        if (value instanceof byte[] b) {
            if (b.length != BYTES) {
                throw new ConversionRefusedException("not a uuid: BLOB has " + b.length + " bytes, expected 16");
            }
            return fromBytes(b);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw new ConversionRefusedException(REASON);
    }

    private static String fromText(String s) {
        int start = 0;
        int end = s.length();
        if (end >= 2 && s.charAt(0) == '{' && s.charAt(end - 1) == '}') {
            start++;
            end--;
        }
        boolean hyphenated = end - start == HYPHENATED_LENGTH;
        if (!hyphenated && end - start != BARE_LENGTH) {
            throw new ConversionRefusedException(REASON);
        }
        char[] out = new char[HYPHENATED_LENGTH];
        int o = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            int relative = i - start;
            if (hyphenated && (relative == 8 || relative == 13 || relative == 18 || relative == 23)) {
                if (c != '-') {
                    throw new ConversionRefusedException(REASON);
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                throw new ConversionRefusedException(REASON);
            }
            if (o == 8 || o == 13 || o == 18 || o == 23) {
                out[o++] = '-';
            }
            out[o++] = HEX[digit];
        }
        return new String(out);
    }

    /** ASCII hex only: Character.digit would also take fullwidth and other Unicode digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String fromBytes(byte[] b) {
        char[] out = new char[HYPHENATED_LENGTH];
        int o = 0;
        for (int i = 0; i < BYTES; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[o++] = '-';
            }
            out[o++] = HEX[(b[i] >> 4) & 0xf];
            out[o++] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }

    @Override
    public String description() {
        return "uuid from text or 16-byte BLOB";
    }
}
