package dev.lite2pg.checksum;

import java.nio.charset.StandardCharsets;

/**
 * Splits one line of COPY text format as PostgreSQL writes it ({@code COPY ... TO STDOUT}, UTF-8) into its values:
 * tab-separated, {@code \N} for NULL, backslash escapes undone. The copy's side never goes through here: it hashes the
 * values it encoded, before escaping. One per thread: it reuses its value array and byte buffer.
 */
public final class CopyTextRow {

    private final String[] values;
    private byte[] field = new byte[256];

    public CopyTextRow(int width) {
        this.values = new String[width];
    }

    /**
     * @param line one row, with or without its final newline
     * @return the row's values, valid until the next call
     */
    public String[] split(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\n' ? length - 1 : length;
        int column = 0;
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || line[i] == '\t') {
                if (column == values.length) {
                    throw new IllegalStateException("a COPY row has more than " + values.length + " values");
                }
                values[column++] = value(line, start, i);
                start = i + 1;
            }
        }
        if (column != values.length) {
            throw new IllegalStateException("a COPY row has " + column + " values, not " + values.length);
        }
        return values;
    }

    private String value(byte[] line, int from, int to) {
        if (to - from == 2 && line[from] == '\\' && line[from + 1] == 'N') {
            return null;
        }
        int n = 0;
        if (field.length < to - from) {
            field = new byte[Math.max(to - from, field.length * 2)];
        }
        boolean escaped = false;
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b == '\\' && i + 1 < to) {
                escaped = true;
                byte e = line[++i];
                switch (e) {
                    case 'b' -> field[n++] = '\b';
                    case 'f' -> field[n++] = '\f';
                    case 'n' -> field[n++] = '\n';
                    case 'r' -> field[n++] = '\r';
                    case 't' -> field[n++] = '\t';
                    case 'v' -> field[n++] = 0x0B;
                    default -> {
                        if (e >= '0' && e <= '7') {
                            // Octal, which PostgreSQL reads but never writes; kept for completeness of the format.
                            int v = e - '0';
                            for (int k = 0; k < 2 && i + 1 < to && line[i + 1] >= '0' && line[i + 1] <= '7'; k++) {
                                v = v * 8 + (line[++i] - '0');
                            }
                            field[n++] = (byte) v;
                        } else {
                            field[n++] = e;
                        }
                    }
                }
            } else {
                field[n++] = b;
            }
        }
        return escaped
                ? new String(field, 0, n, StandardCharsets.UTF_8)
                : new String(line, from, to - from, StandardCharsets.UTF_8);
    }
}
