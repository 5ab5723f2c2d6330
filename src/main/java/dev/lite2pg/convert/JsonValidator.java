package dev.lite2pg.convert;

import java.util.Arrays;

/**
 * Checks that a text is one JSON value exactly as PostgreSQL's json or jsonb input reads it, in one pass over its
 * chars: the grammar here (one value; arrays; objects of string keys, colons and values; commas between), the tokens
 * in {@link JsonLexer}. On top of PostgreSQL's rules, jsonb refuses the same key twice in one object, which jsonb
 * would silently keep only once ({@link JsonKeys}).
 *
 * <p>This is on the copy's hot path, once per json value. It keeps no recursion (nesting depth is not limited by the
 * Java stack) and allocates nothing for a valid value, except when nesting deeper, or for jsonb holding more keys,
 * than any value before on this instance. That scratch state makes an instance unsafe to share:
 * {@link JsonConverter} keeps one per thread.
 */
final class JsonValidator {

    /** The container stack's mark for an array; an object's entry is its ordinal within the value, from 0. */
    private static final int ARRAY = -1;
    /**
     * The deepest nesting accepted. PostgreSQL's json and jsonb input parse recursively and stop with "stack depth
     * limit exceeded" where the stack runs out, not at a fixed depth: with the default max_stack_depth (2MB),
     * PostgreSQL 15 on x86-64 took 13,090 nested objects and 14,544 nested arrays, in a query and through COPY alike.
     * This limit stays a quarter below that, for builds and versions whose frames are larger, so a value that passes
     * check does not fail the cutover's COPY instead.
     */
    static final int MAX_DEPTH = 10_000;
    /** Beyond this depth a stack grown for one deep value is dropped afterwards rather than kept by the thread. */
    private static final int KEPT_DEPTH = 1024;

    private final JsonLexer lexer = new JsonLexer();
    private final JsonKeys keys = new JsonKeys();
    private int[] containers = new int[32];
    private String text;
    private int length;
    private int pos;
    private int depth;
    private int objects;
    private boolean jsonb;

    /** @throws ConversionRefusedException naming what is wrong and where */
    void validate(String json, boolean asJsonb) {
        text = json;
        length = json.length();
        pos = 0;
        depth = 0;
        objects = 0;
        jsonb = asJsonb;
        lexer.start(json, asJsonb);
        if (asJsonb) {
            keys.start(json);
        }
        try {
            document();
        } finally {
            text = null;
            lexer.end();
            keys.end();
            if (containers.length > KEPT_DEPTH) {
                containers = new int[32];
            }
        }
    }

    private void document() {
        pos = lexer.skipWhitespace(pos);
        if (pos == length) {
            throw JsonRefusals.invalid("no value");
        }
        for (; ; ) {
            if (value() && closeAndSeparate()) {
                return;
            }
        }
    }

    /**
     * Reads the value at pos, or only the opening of a non-empty array or object (and of an object its first key and
     * colon), which is what returns false: a value comes next.
     */
    private boolean value() {
        if (pos == length) {
            throw JsonRefusals.endOfInput("expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '"' -> pos = lexer.string(pos);
            case '[', '{' -> {
                if (depth == MAX_DEPTH) {
                    // an empty one too: PostgreSQL descends into it as into any other
                    throw JsonRefusals.tooDeep(text, pos, MAX_DEPTH);
                }
                pos = lexer.skipWhitespace(pos + 1);
                if (pos < length && text.charAt(pos) == (c == '[' ? ']' : '}')) {
                    pos++;
                    return true;
                }
                push(c == '[' ? ARRAY : objects++);
                if (c == '{') {
                    member(true);
                }
                return false;
            }
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> pos = lexer.number(pos);
            default -> pos = lexer.literal(pos);
        }
        return true;
    }

    /**
     * After a complete value: closes the containers that end here, then reads the comma before the next value (and an
     * object's next key and colon). Returns true when the document is complete.
     */
    private boolean closeAndSeparate() {
        for (; ; ) {
            pos = lexer.skipWhitespace(pos);
            if (depth == 0) {
                if (pos < length) {
                    throw JsonRefusals.trailing(text, pos);
                }
                return true;
            }
            boolean inObject = containers[depth - 1] != ARRAY;
            if (pos == length) {
                throw JsonRefusals.endOfInput(
                        inObject ? "expected close marker for Object" : "expected close marker for Array");
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos = lexer.skipWhitespace(pos + 1);
                if (inObject) {
                    member(false);
                }
                return false;
            }
            if (c != (inObject ? '}' : ']')) {
                throw JsonRefusals.unexpected(text, pos, inObject ? "',' or '}'" : "',' or ']'");
            }
            pos++;
            depth--;
        }
    }

    /** An object's key, the colon and the whitespace after it. */
    private void member(boolean first) {
        String expected = first ? "a string key or '}'" : "a string key";
        if (pos == length) {
            throw JsonRefusals.endOfInput("expected " + expected);
        }
        if (text.charAt(pos) != '"') {
            throw JsonRefusals.unexpected(text, pos, expected);
        }
        if (jsonb) {
            int start = pos;
            pos = lexer.key(pos);
            if (!keys.add(containers[depth - 1], start + 1, pos - 1, lexer.keyHash, lexer.keyEscaped)) {
                throw JsonRefusals.duplicateKey(JsonKeys.decode(text, start + 1, pos - 1));
            }
        } else {
            pos = lexer.string(pos);
        }
        pos = lexer.skipWhitespace(pos);
        if (pos == length) {
            throw JsonRefusals.endOfInput("expected ':'");
        }
        if (text.charAt(pos) != ':') {
            throw JsonRefusals.unexpected(text, pos, "':'");
        }
        pos = lexer.skipWhitespace(pos + 1);
    }

    private void push(int container) {
        if (depth == containers.length) {
            containers = Arrays.copyOf(containers, depth * 2);
        }
        containers[depth++] = container;
    }
}
