package dev.lite2pg.report;

import java.util.Map;

/**
 * How one column was copied.
 *
 * @param adjustments deliberate value changes by kind (e.g. offsets converted to UTC), only those that happened
 */
public record ColumnReport(
        String source, String target, String targetType, String conversion, Map<String, Long> adjustments) {

    public ColumnReport {
        adjustments = Map.copyOf(adjustments);
    }
}
