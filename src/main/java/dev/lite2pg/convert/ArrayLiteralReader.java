package dev.lite2pg.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a one-dimensional PostgreSQL array literal, {@code {a,"b c",NULL}}, as PostgreSQL's array_in does: elements
 * may be quoted, backslash escapes work inside and outside quotes, spaces around unquoted elements are dropped, and a
 * bare NULL (any case) is SQL NULL. One instance per literal.
 */
final class ArrayLiteralReader {

    private final String text;
    /** Past the opening '{', which the caller saw. */
    private int pos = 1;

    ArrayLiteralReader(String text) {
        this.text = text;
    }

    List<Object> read() {
        List<Object> out = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            char next;
            do {
                out.add(element());
                next = peek();
                pos++;
            } while (next == ',');
            if (next != '}') {
                throw malformed("expected ',' or '}'");
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw malformed("text after '}'");
        }
        return out;
    }

    private Object element() {
        skipSpace();
        char first = peek();
        if (first == '{') {
            throw new ConversionRefusedException("only one-dimensional arrays are supported");
        }
        Object value = first == '"' ? quoted() : unquoted();
        skipSpace();
        return value;
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        throw malformed("unterminated quoted element");
    }

    /** Up to an unescaped ',' or '}'; surrounding spaces dropped, escaped ones kept; bare NULL is SQL NULL. */
    private Object unquoted() {
        StringBuilder out = new StringBuilder();
        int keep = 0;
        boolean escaped = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '}') {
                break;
            }
            if (c == '"' || c == '{') {
                throw malformed("unexpected '" + c + "' inside an unquoted element");
            }
            pos++;
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                out.append(text.charAt(pos++));
                escaped = true;
                keep = out.length();
            } else {
                out.append(c);
                if (!isSpace(c)) {
                    keep = out.length();
                }
            }
        }
        out.setLength(keep);
        if (out.length() == 0) {
            throw malformed("empty unquoted element");
        }
        String value = out.toString();
        return !escaped && value.equalsIgnoreCase("NULL") ? null : value;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed("missing '}'");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\013' || c == '\f';
    }

    private static ConversionRefusedException malformed(String detail) {
        return new ConversionRefusedException("malformed array literal: " + detail);
    }
}
