package dev.lite2pg.copy;

import java.util.Arrays;

/**
 * Encodes values into PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL, backslash escapes) as
 * UTF-8 in one reused buffer, so the copy loop allocates nothing per value beyond what the converters return.
 */
public final class CopyTextEncoder {

    private byte[] buffer;
    private int length;

    public CopyTextEncoder(int initialCapacity) {
        buffer = new byte[Math.max(initialCapacity, 64)];
    }

    public void reset() {
        length = 0;
    }

    /** Empties the buffer, and gives it back to the heap when a large value grew it past {@code maxRetained} bytes. */
    public void release(int maxRetained) {
        length = 0;
        if (buffer.length > maxRetained) {
            buffer = new byte[64];
        }
    }

    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    public void separator() {
        put((byte) '\t');
    }

    public void endRow() {
        put((byte) '\n');
    }

    public void nullValue() {
        ensure(2);
        buffer[length++] = '\\';
        buffer[length++] = 'N';
    }

    /** Appends one value; {@code null} means SQL NULL. */
    public void value(String text) {
        if (text == null) {
            nullValue();
            return;
        }
        int n = text.length();
        if ((long) length + 4L * n > buffer.length) {
            // Only when the buffer must grow: measured exactly, a large value is not given four bytes a char.
            ensure(encodedLength(text));
        }
        byte[] b = buffer;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        b[at++] = '\\';
                        b[at++] = '\\';
                    }
                    case '\n' -> {
                        b[at++] = '\\';
                        b[at++] = 'n';
                    }
                    case '\r' -> {
                        b[at++] = '\\';
                        b[at++] = 'r';
                    }
                    case '\t' -> {
                        b[at++] = '\\';
                        b[at++] = 't';
                    }
                    default -> b[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired UTF-16 surrogate in a converted value");
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
    }

    /** The bytes {@link #value} appends for {@code text}: UTF-8 with the four escaped characters doubled. */
    private static int encodedLength(String text) {
        long bytes = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += c == '\\' || c == '\n' || c == '\r' || c == '\t' ? 2 : 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a converted value of " + bytes + " bytes cannot be encoded for COPY");
        }
        return (int) bytes;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            // Doubling, but by at most 8 MiB: a buffer a large value just grew to size must not double for the next
            // tab.
            long grown = buffer.length + Math.min(buffer.length, 8L << 20);
            buffer = Arrays.copyOf(buffer, (int)
                    Math.min(Integer.MAX_VALUE - 16, Math.max(grown, (long) length + more)));
        }
    }
}
