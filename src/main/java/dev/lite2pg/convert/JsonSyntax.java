package dev.lite2pg.convert;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict JSON parsing as PostgreSQL's json input does it: one value, no comments, no single quotes, no NaN.
 * Jackson's defaults are already that strict; its size limits are lifted because PostgreSQL has none of them
 * (a 2,000-digit number is valid json), and names are not canonicalized, so arbitrary keys cannot fill a symbol table.
 */
final class JsonSyntax {

    private static final StreamReadConstraints UNLIMITED = StreamReadConstraints.builder()
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxNestingDepth(Integer.MAX_VALUE)
            .build();

    /** For json: keys are kept as written, duplicates included. */
    static final JsonFactory LENIENT_KEYS = JsonFactory.builder()
            .streamReadConstraints(UNLIMITED)
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();

    /** For jsonb, which keeps only the last of duplicate keys: a duplicate would silently lose data, so it is an error. */
    static final JsonFactory UNIQUE_KEYS = LENIENT_KEYS.rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonSyntax() {
    }

    static JsonParser parser(JsonFactory factory, String text) {
        return factory.createParser(ObjectReadContext.empty(), text);
    }

    /**
     * Jackson's reason, first line only, without locations: some messages embed one, e.g.
     * {@code expected close marker for Object (start marker at [Source: ...])}, and the source is the row's data.
     */
    static ConversionRefusedException invalid(JacksonException e) {
        String message = e.getOriginalMessage() != null ? e.getOriginalMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        int location = message.indexOf("[Source:");
        if (location >= 0) {
            int parenthesis = message.lastIndexOf(" (", location);
            message = message.substring(0, parenthesis >= 0 ? parenthesis : location).stripTrailing();
        }
        return new ConversionRefusedException("invalid JSON: " + message);
    }
}
