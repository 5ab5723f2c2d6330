package dev.lite2pg.quarantine;

import dev.lite2pg.model.InvalidUtf8Text;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Source values as JSON, losslessly: a quarantined row must be recoverable from the quarantine table alone. Text and
 * numbers are plain JSON; what a PostgreSQL string cannot hold is a tagged object with its hex: bytes, invalid UTF-8,
 * and text holding a NUL. The last is not written as {@code \u0000}: json accepts that escape on input, but every
 * later step that reads a value out of the row ({@code ->>}, a cast to jsonb or text) refuses it, and so would the
 * quarantine-children step on every run and resume.
 */
public final class RowJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowJson() {}

    public static String row(List<String> columns, Object[] values) {
        ObjectNode row = NODES.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            put(row, columns.get(i), values[i]);
        }
        return JSON.writeValueAsString(row);
    }

    public static String key(Object[] key) {
        ArrayNode array = NODES.arrayNode();
        for (Object value : key) {
            array.add(node(value));
        }
        return JSON.writeValueAsString(array);
    }

    private static void put(ObjectNode row, String column, Object value) {
        row.set(column, node(value));
    }

    private static tools.jackson.databind.JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.stringNode(d.toString());
        }
        if (value instanceof String s) {
            return s.indexOf('\u0000') < 0
                    ? NODES.stringNode(s)
                    : NODES.objectNode()
                            .put("text_with_nul_hex", HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)));
        }
        if (value instanceof byte[] bytes) {
            return NODES.objectNode().put("blob_hex", HexFormat.of().formatHex(bytes));
        }
        if (value instanceof InvalidUtf8Text text) {
            return NODES.objectNode().put("invalid_utf8_hex", HexFormat.of().formatHex(text.bytes()));
        }
        return NODES.stringNode(String.valueOf(value));
    }
}
