package dev.lite2pg.convert;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * The json/jsonb validation lite2pg used before {@link JsonValidator}: a Jackson parser per value, its token loop,
 * Jackson's duplicate detection for jsonb, and a look at every decoded string for U+0000 and unpaired surrogates.
 * Kept only as the baseline {@link JsonValidationBenchmark} measures against; refusal messages are not reproduced.
 */
public final class JacksonJsonBaseline {

    private static final StreamReadConstraints UNLIMITED = StreamReadConstraints.builder()
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxNestingDepth(Integer.MAX_VALUE)
            .build();
    private static final JsonFactory LENIENT_KEYS = JsonFactory.builder()
            .streamReadConstraints(UNLIMITED)
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();
    private static final JsonFactory UNIQUE_KEYS = LENIENT_KEYS
            .rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JacksonJsonBaseline() {}

    /** @throws ConversionRefusedException when the old converter refused the text */
    public static void validate(String s, boolean jsonb) {
        try (JsonParser parser = (jsonb ? UNIQUE_KEYS : LENIENT_KEYS).createParser(ObjectReadContext.empty(), s)) {
            if (parser.nextToken() == null) {
                throw new ConversionRefusedException("invalid JSON: no value");
            }
            for (JsonToken token = parser.currentToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
                    checkString(parser, jsonb);
                }
                if (parser.streamReadContext().inRoot()) {
                    break;
                }
            }
            if (parser.nextToken() != null) {
                throw new ConversionRefusedException("invalid JSON: more than one value");
            }
        } catch (JacksonException e) {
            throw new ConversionRefusedException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static void checkString(JsonParser parser, boolean jsonb) {
        char[] chars = parser.getStringCharacters();
        int end = parser.getStringOffset() + parser.getStringLength();
        for (int i = parser.getStringOffset(); i < end; i++) {
            char c = chars[i];
            if (c == '\0' && jsonb) {
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
}
