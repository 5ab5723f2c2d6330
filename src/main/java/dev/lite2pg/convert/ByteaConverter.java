package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.nio.charset.StandardCharsets;

/**
 * bytea in hex form ({@code \x0aff}). A BLOB copies as is; TEXT copies its UTF-8 bytes, and TEXT with invalid UTF-8
 * copies its raw bytes, so nothing is lost either way. Numbers have no byte form to agree on and are refused.
 */
final class ByteaConverter implements ValueConverter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return hex(b);
        }
        if (value instanceof String s) {
            return hex(s.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof InvalidUtf8Text t) {
            return hex(t.bytes());
        }
        throw Refusals.wrongStorageClass(value, "a bytea");
    }

    static String hex(byte[] bytes) {
        char[] out = new char[2 + 2 * bytes.length];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    @Override
    public String description() {
        return "bytea from BLOB (or TEXT bytes), hex";
    }
}
