package dev.lite2pg.convert;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson parsing for the JSON arrays {@link ArrayInput} splits into array elements (json and jsonb columns have their
 * own validator, {@link JsonValidator}). Strict, as PostgreSQL's json input is: one value, no comments, no single
 * quotes, no NaN. Jackson's defaults are already that strict; its size limits are lifted because PostgreSQL has none of them
 * (a 2,000-digit number is valid json), and names are not canonicalized, so arbitrary keys cannot fill a symbol table.
 */
final class JsonSyntax {

    private static final StreamReadConstraints UNLIMITED = StreamReadConstraints.builder()
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxNestingDepth(Integer.MAX_VALUE)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(UNLIMITED)
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();

    private JsonSyntax() {}

    static JsonParser parser(String text) {
        return FACTORY.createParser(ObjectReadContext.empty(), text);
    }

    /**
     * Jackson's reason, first line only, without locations: some messages embed one, e.g.
     * {@code expected close marker for Object (start marker at [Source: ...])}, and the source is the row's data.
     */
    static ConversionRefusedException invalid(JacksonException e) {
        String message = e.getOriginalMessage() != null
                ? e.getOriginalMessage()
                : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        int location = message.indexOf("[Source:");
        if (location >= 0) {
            int parenthesis = message.lastIndexOf(" (", location);
            message = message.substring(0, parenthesis >= 0 ? parenthesis : location)
                    .stripTrailing();
        }
        return new ConversionRefusedException("invalid JSON: " + message);
    }
}
