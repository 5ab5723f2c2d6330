package dev.lite2pg.convert;

import java.util.Random;

/**
 * Seeded random JSON texts: valid documents (nested objects and arrays, numbers of every shape, strings with every
 * escape, surrogate pairs and now and then a lone one or an escaped NUL, keys drawn from a small pool so duplicates and
 * escaped-equal duplicates happen, every kind of JSON whitespace) and mutations of them (a character deleted,
 * inserted, replaced, a slice repeated, the end cut off), which are mostly invalid in interesting places.
 * The same seed always gives the same texts.
 */
final class RandomJson {

    private static final String[] WHITESPACE = {"", "", "", " ", "\t", "\n", "\r\n", "  "};
    private static final String[] KEYS = {"a", "\\u0061", "b", "k", "\\u006B", "", "a\\/b", "a/b", "é", "\\u00e9", "\\n"
    };
    private static final String[] ESCAPES = {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"};
    private static final String[] RAW = {"é", "😀", "\u00a0", "\u2028", "\u007f", "中", " ", "'", "e\u0301"};
    /** Exponents at jsonb's limits (numeric holds 131072 digits before the point, 16383 after, exponents below 2^30). */
    private static final String[] EXTREME_EXPONENTS = {
        "16383", "-16383", "-16384", "131071", "131072", "-131072", "1073741822", "1073741823", "99999999999999999999"
    };
    /** What a mutation inserts: JSON's own punctuation, and characters that are almost right. */
    private static final String INSERTS = "{}[],:\"\\01-.eE+ \t\n\f\u00a0xtu\u0001/'";

    private final Random random;

    RandomJson(long seed) {
        this.random = new Random(seed);
    }

    String valid() {
        StringBuilder out = new StringBuilder();
        space(out);
        value(out, 0);
        space(out);
        return out.toString();
    }

    /** A valid document with one to three random edits. */
    String mutated() {
        StringBuilder text = new StringBuilder(valid());
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            edit(text);
        }
        return text.toString();
    }

    private void edit(StringBuilder text) {
        int at = random.nextInt(text.length() + 1);
        char insert = INSERTS.charAt(random.nextInt(INSERTS.length()));
        switch (random.nextInt(5)) {
            case 0 -> {
                if (at < text.length() && !Character.isSurrogate(text.charAt(at))) {
                    text.deleteCharAt(at);
                }
            }
            case 1 -> {
                if (!splitsPair(text, at)) {
                    text.insert(at, insert);
                }
            }
            case 2 -> {
                if (at < text.length() && !Character.isSurrogate(text.charAt(at))) {
                    text.setCharAt(at, insert);
                }
            }
            case 3 -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(6));
                if (!splitsPair(text, at) && !splitsPair(text, end)) {
                    text.insert(end, text.substring(at, end));
                }
            }
            default -> {
                if (!splitsPair(text, at)) {
                    text.setLength(at);
                }
            }
        }
    }

    private static boolean splitsPair(CharSequence text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at));
    }

    private void value(StringBuilder out, int depth) {
        int kind = random.nextInt(depth > 6 ? 4 : 6);
        switch (kind) {
            case 0 -> number(out);
            case 1 -> string(out, false);
            case 2 -> out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 3 -> number(out);
            case 4 -> array(out, depth);
            default -> object(out, depth);
        }
    }

    private void array(StringBuilder out, int depth) {
        out.append('[');
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            space(out);
            value(out, depth + 1);
            space(out);
        }
        out.append(']');
    }

    private void object(StringBuilder out, int depth) {
        out.append('{');
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            space(out);
            if (random.nextInt(3) == 0) {
                string(out, true);
            } else {
                out.append('"').append(KEYS[random.nextInt(KEYS.length)]).append('"');
            }
            space(out);
            out.append(':');
            space(out);
            value(out, depth + 1);
            space(out);
        }
        out.append('}');
    }

    private void number(StringBuilder out) {
        if (random.nextInt(3) == 0) {
            out.append('-');
        }
        if (random.nextInt(3) == 0) {
            out.append('0');
        } else {
            out.append(1 + random.nextInt(9));
            digits(out, random.nextInt(random.nextInt(10) == 0 ? 40 : 6));
        }
        if (random.nextBoolean()) {
            out.append('.');
            digits(out, 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 5));
        }
        if (random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? 'e' : 'E');
            if (random.nextInt(8) == 0) {
                out.append(EXTREME_EXPONENTS[random.nextInt(EXTREME_EXPONENTS.length)]);
            } else {
                out.append(random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "+" : "-");
                digits(out, 1 + random.nextInt(3));
            }
        }
    }

    private void digits(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
    }

    /** Mostly plain letters; escapes, non-ASCII and surrogate escapes now and then; rarely a lone surrogate or an escaped NUL. */
    private void string(StringBuilder out, boolean key) {
        out.append('"');
        int n = random.nextInt(key ? 4 : 10);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(100);
            if (pick < 60) {
                out.append((char) ('a' + random.nextInt(3)));
            } else if (pick < 72) {
                out.append(ESCAPES[random.nextInt(ESCAPES.length)]);
            } else if (pick < 82) {
                out.append(RAW[random.nextInt(RAW.length)]);
            } else if (pick < 90) {
                out.append(String.format("\\u%04x", random.nextInt(0xd800)));
            } else if (pick < 95) {
                out.append(random.nextBoolean() ? "\\ud83d\\ude00" : "\\uDBFF\\uDFFF");
            } else if (pick < 97) {
                out.append(String.format("\\u%04X", 0xe000 + random.nextInt(0x2000)));
            } else if (pick < 98) {
                out.append("\\u0000");
            } else if (pick < 99) {
                out.append(random.nextBoolean() ? "\\ud800" : "\\udfff");
            } else {
                out.append("\\\\u0000");
            }
        }
        out.append('"');
    }

    private void space(StringBuilder out) {
        out.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
    }
}
