package dev.lite2pg.checksum;

import java.util.Arrays;

/**
 * The canonical form of a jsonb value, hashed while it is read: what jsonb's input does to a text, and only that. An
 * object's members are combined in no particular order (jsonb sorts keys) and a repeated key keeps its last value;
 * whitespace is dropped; a string is its unescaped characters (so {@code "\u00e9"}, {@code "é"} and {@code "\/"},
 * {@code "/"} agree); a number is the numeric jsonb stores: its digits and its display scale, so 1e2 is 100, 1.0 stays
 * apart from 1 and -0 is 0. It need not mimic jsonb's output text, as it reads both the text the copy sent and the
 * text PostgreSQL prints back. A text it cannot read is hashed as text (the content check then decides through
 * PostgreSQL). One per thread: it reuses its member stack.
 */
final class JsonbHash {

    private static final long OBJECT = 0x6f626a6500000011L;
    private static final long ARRAY = 0x6172726100000012L;
    private static final long STRING = 0x7374726900000013L;
    private static final long NUMBER = 0x6e756d6200000014L;
    private static final long TRUE = Hashing.of(0x6a736f6e, 1);
    private static final long FALSE = Hashing.of(0x6a736f6e, 2);
    private static final long NULL = Hashing.of(0x6a736f6e, 3);
    /** Far past what numeric reads (its exponent is limited to about ±1000), small enough never to overflow an int. */
    private static final int MAX_EXPONENT = 100_000;

    private String s;
    private int at;
    /** Members of the objects being read, innermost last: each key's hash and its member's hash. */
    private long[] keys = new long[16];

    private long[] members = new long[16];
    private int top;

    /** Thrown on a text that is not JSON; the value is then hashed as text. */
    private static final class NotJson extends RuntimeException {
        NotJson() {
            super(null, null, false, false);
        }
    }

    private static final NotJson NOT_JSON = new NotJson();

    long hash(String text) {
        s = text;
        at = 0;
        top = 0;
        try {
            long h = value();
            space();
            if (at != s.length()) {
                return ValueHashes.text(text);
            }
            return h;
        } catch (NotJson | IndexOutOfBoundsException e) {
            return ValueHashes.text(text);
        } finally {
            s = null;
        }
    }

    private long value() {
        space();
        char c = s.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return Hashing.mix(string());
            case 't':
                literal("true");
                return TRUE;
            case 'f':
                literal("false");
                return FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                return number();
        }
    }

    private long object() {
        at++;
        int base = top;
        space();
        if (s.charAt(at) == '}') {
            at++;
            return Hashing.mix(OBJECT);
        }
        while (true) {
            space();
            if (s.charAt(at) != '"') {
                throw NOT_JSON;
            }
            long key = Hashing.mix(string());
            space();
            expect(':');
            long member = Hashing.mix(key * 31 + value());
            member(base, key, member);
            space();
            char c = s.charAt(at++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw NOT_JSON;
            }
        }
        long sum = OBJECT;
        for (int i = base; i < top; i++) {
            sum += members[i];
        }
        long count = top - base;
        top = base;
        return Hashing.mix(sum ^ count);
    }

    /** jsonb keeps the last of a repeated key. */
    private void member(int base, long key, long member) {
        for (int i = base; i < top; i++) {
            if (keys[i] == key) {
                members[i] = member;
                return;
            }
        }
        if (top == keys.length) {
            keys = Arrays.copyOf(keys, top * 2);
            members = Arrays.copyOf(members, top * 2);
        }
        keys[top] = key;
        members[top] = member;
        top++;
    }

    private long array() {
        at++;
        long h = ARRAY;
        space();
        if (s.charAt(at) == ']') {
            at++;
            return Hashing.mix(h);
        }
        while (true) {
            h = Hashing.mix(h + value());
            space();
            char c = s.charAt(at++);
            if (c == ']') {
                return Hashing.mix(h ^ 0x5d);
            }
            if (c != ',') {
                throw NOT_JSON;
            }
        }
    }

    /** The unfinished hash of a string's characters once unescaped; {@code at} is on its opening quote. */
    private long string() {
        at++;
        long h = STRING;
        while (true) {
            char c = s.charAt(at++);
            if (c == '"') {
                return h;
            }
            if (c == '\\') {
                char e = s.charAt(at++);
                c = switch (e) {
                    case '"', '\\', '/' -> e;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> unicodeEscape();
                    default -> throw NOT_JSON;
                };
            }
            h = Hashing.step(h, c);
        }
    }

    private char unicodeEscape() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(at++), 16);
            if (d < 0) {
                throw NOT_JSON;
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    /**
     * A number as numeric stores it: sign, digits without leading or trailing zeros, how many trailing zeros the
     * unscaled value has, and the display scale (fraction digits less the exponent, never negative).
     */
    private long number() {
        boolean negative = false;
        if (s.charAt(at) == '-') {
            negative = true;
            at++;
        }
        long h = NUMBER;
        boolean significant = false;
        long pendingZeros = 0;
        int fractionDigits = 0;
        int digits = 0;
        boolean inFraction = false;
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c == '.' && !inFraction) {
                inFraction = true;
                at++;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            at++;
            digits++;
            if (inFraction) {
                fractionDigits++;
            }
            if (c == '0') {
                if (significant) {
                    pendingZeros++;
                }
                continue;
            }
            for (; pendingZeros > 0; pendingZeros--) {
                h = Hashing.step(h, '0');
            }
            h = Hashing.step(h, c);
            significant = true;
        }
        if (digits == 0) {
            throw NOT_JSON;
        }
        int exponent = 0;
        if (at < s.length() && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
            at++;
            boolean negativeExponent = false;
            if (s.charAt(at) == '+' || s.charAt(at) == '-') {
                negativeExponent = s.charAt(at) == '-';
                at++;
            }
            int exponentDigits = 0;
            while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                exponent = exponent * 10 + (s.charAt(at++) - '0');
                exponentDigits++;
                if (exponent > MAX_EXPONENT) {
                    throw NOT_JSON;
                }
            }
            if (exponentDigits == 0) {
                throw NOT_JSON;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        long scale = (long) fractionDigits - exponent;
        long trailingZeros = pendingZeros;
        if (scale < 0) {
            trailingZeros -= scale;
            scale = 0;
        }
        if (!significant) {
            negative = false;
            trailingZeros = 0;
        }
        return Hashing.mix(Hashing.mix(h ^ (negative ? 1 : 0)) + trailingZeros * 0x9E3779B97F4A7C15L + scale);
    }

    private void literal(String word) {
        if (!s.startsWith(word, at)) {
            throw NOT_JSON;
        }
        at += word.length();
    }

    private void expect(char c) {
        if (s.charAt(at++) != c) {
            throw NOT_JSON;
        }
    }

    private void space() {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }
}
