package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;

/**
 * json and jsonb: the text must be exactly one JSON value, and is copied unchanged. Checked here, not left to
 * PostgreSQL, so one bad row is refused with a reason instead of failing a whole COPY batch.
 *
 * <p>jsonb cannot store the character U+0000, which JSON can only write as an escape (backslash, u0000). The check looks
 * at the decoded strings, not the text, so a string holding a literal backslash followed by u0000 (an escaped backslash
 * in the JSON text) is fine. What exactly is accepted is {@link JsonValidator}'s to say.
 */
final class JsonConverter implements ValueConverter {

    static final JsonConverter JSON = new JsonConverter(false);
    static final JsonConverter JSONB = new JsonConverter(true);

    /**
     * A validator keeps scratch state between values so that it need not allocate per value, and one converter serves
     * every thread that copies or checks a json column: each thread gets its own validator.
     */
    private static final ThreadLocal<JsonValidator> VALIDATORS = ThreadLocal.withInitial(JsonValidator::new);

    private final boolean binary;

    private JsonConverter(boolean binary) {
        this.binary = binary;
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            VALIDATORS.get().validate(s, binary);
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

    @Override
    public String description() {
        return binary ? "jsonb (validated, copied verbatim)" : "json (validated, copied verbatim)";
    }
}
