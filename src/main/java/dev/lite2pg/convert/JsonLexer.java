package dev.lite2pg.convert;

/**
 * The tokens of a JSON text as PostgreSQL's lexer reads them: strings, numbers, literals and whitespace. Each method
 * takes the position where its token starts and returns the position after it, or refuses the text. Whitespace is
 * space, tab, CR and LF only; numbers are {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; strings hold no
 * raw control character and only the escapes {@code \" \\ \/ \b \f \n \r \t} and four-hex-digit unicode escapes;
 * a number or literal must not run into a letter, digit, underscore or non-ASCII character.
 *
 * <p>Both types refuse a surrogate escape without its pair (jsonb does; json would keep it, but the value could
 * never become text or jsonb). For jsonb, an escaped NUL and a number beyond numeric's range are refused too.
 */
final class JsonLexer {

    private String text;
    private int length;
    private boolean jsonb;
    /** The last key read by {@link #key}: its decoded characters hashed by {@link JsonKeys#mix}. */
    long keyHash;
    /** Whether the last key read by {@link #key} has escapes, so that only its decoded form can be compared. */
    boolean keyEscaped;

    void start(String json, boolean asJsonb) {
        text = json;
        length = json.length();
        jsonb = asJsonb;
    }

    void end() {
        text = null;
    }

    int skipWhitespace(int p) {
        while (p < length) {
            char c = text.charAt(p);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** A string value (or a json key), from its opening quote: the hot loop of a typical document, so it only checks. */
    int string(int p) {
        String s = text;
        int n = length;
        p++;
        for (; ; ) {
            if (p >= n) {
                throw JsonRefusals.endOfInput("in a string");
            }
            char c = s.charAt(p);
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\') {
                p = escape(p, false);
            } else if (c < 0x20) {
                throw JsonRefusals.controlCharacter(s, p);
            } else if (Character.isSurrogate(c)) {
                p = rawSurrogates(p, false);
            } else {
                p++;
            }
        }
    }

    /** A jsonb key: as {@link #string}, also setting {@link #keyHash} and {@link #keyEscaped}. */
    int key(int p) {
        String s = text;
        int n = length;
        p++;
        keyEscaped = false;
        keyHash = JsonKeys.SEED;
        for (; ; ) {
            if (p >= n) {
                throw JsonRefusals.endOfInput("in a string");
            }
            char c = s.charAt(p);
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\') {
                p = escape(p, true);
                keyEscaped = true;
            } else if (c < 0x20) {
                throw JsonRefusals.controlCharacter(s, p);
            } else if (Character.isSurrogate(c)) {
                p = rawSurrogates(p, true);
            } else {
                keyHash = JsonKeys.mix(keyHash, c);
                p++;
            }
        }
    }

    /** The escape at p (a backslash). */
    private int escape(int p, boolean hashing) {
        if (p + 1 >= length) {
            throw JsonRefusals.endOfInput("in a string");
        }
        char decoded;
        int next = p + 2;
        switch (text.charAt(p + 1)) {
            case '"' -> decoded = '"';
            case '\\' -> decoded = '\\';
            case '/' -> decoded = '/';
            case 'b' -> decoded = '\b';
            case 'f' -> decoded = '\f';
            case 'n' -> decoded = '\n';
            case 'r' -> decoded = '\r';
            case 't' -> decoded = '\t';
            case 'u' -> {
                decoded = (char) hex4(p + 2);
                next = p + 6;
                if (Character.isHighSurrogate(decoded)) {
                    char low = lowSurrogateEscape(next);
                    if (hashing) {
                        keyHash = JsonKeys.mix(keyHash, decoded);
                    }
                    decoded = low;
                    next += 6;
                } else if (Character.isLowSurrogate(decoded)) {
                    throw JsonRefusals.unpairedSurrogate();
                } else if (decoded == 0 && jsonb) {
                    throw JsonRefusals.nul();
                }
            }
            default -> throw JsonRefusals.invalidEscape(text, p);
        }
        if (hashing) {
            keyHash = JsonKeys.mix(keyHash, decoded);
        }
        return next;
    }

    /** The escape that must follow a high surrogate escape: a low surrogate one, else the pair is broken. */
    private char lowSurrogateEscape(int p) {
        if (p + 1 < length && text.charAt(p) == '\\' && text.charAt(p + 1) == 'u') {
            char low = (char) hex4(p + 2);
            if (Character.isLowSurrogate(low)) {
                return low;
            }
        }
        throw JsonRefusals.unpairedSurrogate();
    }

    /** The four hex digits at p (ASCII only: {@link Character#digit} would take other scripts' digits). */
    private int hex4(int p) {
        if (p + 4 > length) {
            throw JsonRefusals.endOfInput("in a \\u escape: expected 4 hex digits");
        }
        int value = 0;
        for (int i = p; i < p + 4; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9'
                    ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw JsonRefusals.badUnicodeEscape(text, p - 2);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * A surrogate as a raw char: text decoded from valid UTF-8 has them only in pairs, but a String can hold a lone
     * one, which has no UTF-8 form at all.
     */
    private int rawSurrogates(int p, boolean hashing) {
        char high = text.charAt(p);
        if (!Character.isHighSurrogate(high) || p + 1 >= length || !Character.isLowSurrogate(text.charAt(p + 1))) {
            throw JsonRefusals.loneSurrogate(text, p);
        }
        if (hashing) {
            keyHash = JsonKeys.mix(JsonKeys.mix(keyHash, high), text.charAt(p + 1));
        }
        return p + 2;
    }

    int number(int start) {
        String s = text;
        int n = length;
        int p = s.charAt(start) == '-' ? start + 1 : start;
        if (p < n && s.charAt(p) == '0') {
            p++;
            if (p < n && isDigit(s.charAt(p))) {
                throw JsonRefusals.leadingZero(s, p);
            }
        } else {
            p = digits(p, "a digit");
        }
        if (p < n && s.charAt(p) == '.') {
            p = digits(p + 1, "a digit after the decimal point");
        }
        boolean exponent = p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E');
        if (exponent) {
            p++;
            if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            p = digits(p, "a digit in the exponent");
        }
        if (p < n && isWordChar(s.charAt(p))) {
            throw JsonRefusals.unexpected(s, p, "a delimiter after the number");
        }
        // Only an exponent or over 16383 digits can leave numeric's range: skip the count for everything else.
        if (jsonb && (exponent || p - start > JsonbNumbers.MAX_SCALE) && !JsonbNumbers.fits(s, start, p)) {
            throw JsonRefusals.numberOutOfRange(s, start);
        }
        return p;
    }

    /** One or more digits from p. */
    private int digits(int p, String expected) {
        int start = p;
        while (p < length && isDigit(text.charAt(p))) {
            p++;
        }
        if (p == start) {
            throw p == length
                    ? JsonRefusals.endOfInput("in a number: expected " + expected)
                    : JsonRefusals.unexpected(text, p, expected);
        }
        return p;
    }

    /** true, false or null; like PostgreSQL, reads the whole word first, so {@code truex} is one bad token. */
    int literal(int start) {
        int p = start;
        while (p < length && isWordChar(text.charAt(p))) {
            p++;
        }
        if (p == start) {
            throw JsonRefusals.unexpected(text, start, "a value");
        }
        int n = p - start;
        if (!(n == 4 && (text.startsWith("true", start) || text.startsWith("null", start))
                || n == 5 && text.startsWith("false", start))) {
            throw JsonRefusals.badLiteral(text, start);
        }
        return p;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's JSON_ALPHANUMERIC_CHAR: what continues a number or literal into one (bad) token. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
    }
}
