package dev.lite2pg.convert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Splits the text SQLite applications use for lists into elements: a PostgreSQL array literal {@code {a,"b c",NULL}},
 * a JSON array {@code ["a",1,null]}, or else a comma-separated list {@code Trailers,Deleted Scenes}. The first
 * character decides; text that starts like a literal or a JSON array but is malformed is refused, not re-read as a list.
 */
final class ArrayInput {

    private ArrayInput() {}

    /** The elements as converter inputs: String, Long, Double or null. */
    static List<Object> elements(String text) {
        if (text.startsWith("{")) {
            return new ArrayLiteralReader(text).read();
        }
        if (text.startsWith("[")) {
            return jsonElements(text);
        }
        return commaList(text);
    }

    /** Split on every comma, nothing trimmed; the empty string is the empty list. */
    private static List<Object> commaList(String text) {
        List<Object> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int start = 0;
        for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
            out.add(text.substring(start, comma));
            start = comma + 1;
        }
        out.add(text.substring(start));
        return out;
    }

    private static List<Object> jsonElements(String text) {
        List<Object> out = new ArrayList<>();
        try (JsonParser parser = JsonSyntax.parser(text)) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                out.add(jsonElement(parser, token));
            }
            if (parser.nextToken() != null) {
                throw new ConversionRefusedException("invalid JSON: more than one value");
            }
        } catch (JacksonException e) {
            throw JsonSyntax.invalid(e);
        }
        return out;
    }

    /**
     * JSON numbers come as Long or Double, like SQLite's own numbers, so an int[] takes {@code 3.0}; a number a double
     * cannot hold exactly ({@code 0.1000000000000000000001}, a 30-digit integer) comes as its text, so numeric[] keeps it.
     */
    private static Object jsonElement(JsonParser parser, JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = parser.getNumberType();
                return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
                        ? (Object) parser.getLongValue()
                        : parser.getText();
            case VALUE_NUMBER_FLOAT:
                String written = parser.getText();
                double d = Double.parseDouble(written);
                return Double.isFinite(d) && ShortestDecimal.of(d).compareTo(new BigDecimal(written)) == 0
                        ? (Object) d
                        : written;
            default:
                throw new ConversionRefusedException("JSON array elements must be strings, numbers, booleans or null");
        }
    }
}
