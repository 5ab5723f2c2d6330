package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * json and jsonb: the text must be exactly one JSON value, and is copied unchanged. Checked here, not left to
 * PostgreSQL, so one bad row is refused with a reason instead of failing a whole COPY batch.
 *
 * <p>jsonb cannot store the character U+0000, which JSON can only write as an escape (backslash, u0000). The check looks
 * at the decoded strings, not the text, so a string holding a literal backslash followed by u0000 (an escaped backslash
 * in the JSON text) is fine.
 */
final class JsonConverter implements ValueConverter {

    static final JsonConverter JSON = new JsonConverter(false);
    static final JsonConverter JSONB = new JsonConverter(true);

    /** How Jackson's duplicate detection words its error; the rest of the message is the quoted key. */
    private static final String DUPLICATE_KEY = "Duplicate Object property ";

    private final boolean binary;
    private final JsonFactory factory;

    private JsonConverter(boolean binary) {
        this.binary = binary;
        this.factory = binary ? JsonSyntax.UNIQUE_KEYS : JsonSyntax.LENIENT_KEYS;
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            validate(s);
            return s;
        }
        if (value instanceof Long l) {
            return l.toString();
        }
        if (value instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ConversionRefusedException("JSON has no number " + ShortestDecimal.text(d));
            }
            return ShortestDecimal.text(d);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, binary ? "a jsonb" : "a json");
    }

    private void validate(String s) {
        try (JsonParser parser = JsonSyntax.parser(factory, s)) {
            if (parser.nextToken() == null) {
                throw new ConversionRefusedException("invalid JSON: no value");
            }
            // One root value: skip to its end, then nothing may follow.
            for (JsonToken token = parser.currentToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
                    checkString(parser);
                }
                if (parser.streamReadContext().inRoot()) {
                    break;
                }
            }
            if (parser.nextToken() != null) {
                throw new ConversionRefusedException("invalid JSON: more than one value");
            }
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            if (binary && message != null && message.startsWith(DUPLICATE_KEY)) {
                throw new ConversionRefusedException(
                        "duplicate key " + message.substring(DUPLICATE_KEY.length()) + ": jsonb would keep only the last value");
            }
            throw JsonSyntax.invalid(e);
        }
    }

    /**
     * Looks at a decoded string: jsonb refuses U+0000, and both types refuse a surrogate escape without its pair
     * (backslash, ud800, alone), which PostgreSQL rejects but Jackson decodes.
     */
    private void checkString(JsonParser parser) {
        char[] chars = parser.getStringCharacters();
        int end = parser.getStringOffset() + parser.getStringLength();
        for (int i = parser.getStringOffset(); i < end; i++) {
            char c = chars[i];
            if (c == '\0' && binary) {
                throw new ConversionRefusedException("jsonb cannot store \\u0000");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else {
                    throw new ConversionRefusedException("invalid JSON: unpaired surrogate escape in a string");
                }
            }
        }
    }

    @Override
    public String description() {
        return binary ? "jsonb (validated, copied verbatim)" : "json (validated, copied verbatim)";
    }
}
