package dev.lite2pg.convert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * The rules lite2pg adds to PostgreSQL's on purpose, judged independently of the validator under test (by Jackson's
 * parser, on texts PostgreSQL already accepted as json): json and jsonb both refuse a string whose decoded
 * characters hold a surrogate without its pair (PostgreSQL's json keeps the escape as written, but the value cannot
 * become jsonb or text), and jsonb refuses an object with the same key twice (PostgreSQL keeps the last value).
 */
final class ExtraJsonRules {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .build())
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .build();

    /** What the rules find in one text PostgreSQL accepts as json. */
    record Findings(boolean unpairedSurrogate, boolean duplicateKey) {}

    private ExtraJsonRules() {}

    static Findings of(String jsonText) {
        boolean unpaired = false;
        boolean duplicate = false;
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), jsonText)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case PROPERTY_NAME -> {
                        duplicate |= !objects.peek().add(parser.currentName());
                        unpaired |= hasUnpairedSurrogate(parser.currentName());
                    }
                    case VALUE_STRING -> unpaired |= hasUnpairedSurrogate(parser.getString());
                    default -> {}
                }
            }
        }
        return new Findings(unpaired, duplicate);
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
