package dev.lite2pg.convert;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings that change how values are read, fixed for the whole run: the job file's {@code conversions} section.
 *
 * @param naiveZone the zone a timestamp without offset is read in when it goes into a {@code timestamptz}
 *     (or a time without offset into a {@code timetz}); SQLite has no zones, so this is the one assumption we must be told
 * @param offsets how a non-zero UTC offset goes into a column without zone
 * @param dropTimeOfDay whether a date column may take a timestamp with a time of day, keeping only its date
 * @param epochNumbers how numbers in timestamp and date columns are read
 * @param columns overrides for single columns, keyed by source {@code table.column}
 */
public record ConversionOptions(
        ZoneId naiveZone,
        OffsetReading offsets,
        boolean dropTimeOfDay,
        EpochNumbers epochNumbers,
        Map<String, ColumnOverride> columns) {

    public static final ConversionOptions DEFAULTS = new ConversionOptions(ZoneOffset.UTC);

    /**
     * What one column sets differently from the job's defaults; null keeps the default.
     */
    public record ColumnOverride(OffsetReading offsets, Boolean dropTimeOfDay, EpochNumbers epochNumbers) {}

    public ConversionOptions {
        Objects.requireNonNull(naiveZone, "naiveZone");
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(epochNumbers, "epochNumbers");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The defaults, with naive timestamps read in {@code naiveZone}. */
    public ConversionOptions(ZoneId naiveZone) {
        this(naiveZone, OffsetReading.REFUSE, false, EpochNumbers.SECONDS, Map.of());
    }

    /** The options of one source column: the job's, with the column's own override applied. */
    public ConversionOptions forColumn(String sourceTable, String sourceColumn) {
        ColumnOverride override = columns.get(sourceTable + "." + sourceColumn);
        if (override == null) {
            return columns.isEmpty()
                    ? this
                    : new ConversionOptions(naiveZone, offsets, dropTimeOfDay, epochNumbers, Map.of());
        }
        return new ConversionOptions(
                naiveZone,
                override.offsets() != null ? override.offsets() : offsets,
                override.dropTimeOfDay() != null ? override.dropTimeOfDay() : dropTimeOfDay,
                override.epochNumbers() != null ? override.epochNumbers() : epochNumbers,
                Map.of());
    }
}
