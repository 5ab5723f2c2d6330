package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.util.List;

/**
 * One-dimensional arrays from the list forms {@link ArrayInput} reads. Each element goes through the element type's
 * own converter, so an int4[] refuses 'x' as int4 would; the result is written as a PostgreSQL array literal with every
 * element quoted, which is unambiguous whatever the element contains.
 */
final class ArrayConverter implements ValueConverter {

    private final ValueConverter element;
    private final String typeName;

    ArrayConverter(ValueConverter element, String typeName) {
        this.element = element;
        this.typeName = typeName;
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return literal(ArrayInput.elements(s), notes);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, "an array");
    }

    private String literal(List<Object> elements, ConversionNotes notes) {
        StringBuilder out = new StringBuilder(16 * elements.size() + 2).append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String converted = convertElement(elements.get(i), i, notes);
            if (converted == null) {
                out.append("NULL");
            } else {
                appendQuoted(out, converted);
            }
        }
        return out.append('}').toString();
    }

    private String convertElement(Object value, int index, ConversionNotes notes) {
        try {
            return element.convert(value, notes);
        } catch (ConversionRefusedException e) {
            throw new ConversionRefusedException("element " + (index + 1) + ": " + e.getMessage());
        }
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    @Override
    public String description() {
        return typeName + " from {..}, JSON array or comma list";
    }
}
