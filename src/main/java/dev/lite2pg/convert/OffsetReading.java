package dev.lite2pg.convert;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * How a value written with a non-zero UTC offset goes into a column that cannot keep one ({@code timestamp}, {@code date},
 * {@code time}): {@code conversions.offsets} in the job file. An offset of zero ({@code Z}, {@code +00:00}) changes
 * nothing either way and is always accepted; {@code timestamptz} and {@code timetz} keep the instant and ignore this.
 */
public enum OffsetReading {
    /** The default: converting would change the date or wall-clock time the source wrote, so the value is refused. */
    REFUSE("refuse"),
    /** The same instant in UTC: the written date and time change (the behaviour before this option existed). */
    UTC("utc"),
    /** The date and wall-clock time as written; the offset is dropped. */
    LOCAL("local");

    public static final String OPTION = "conversions.offsets";

    private final String yaml;

    OffsetReading(String yaml) {
        this.yaml = yaml;
    }

    public String yaml() {
        return yaml;
    }

    public static Optional<OffsetReading> fromYaml(String text) {
        for (OffsetReading reading : values()) {
            if (reading.yaml.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(reading);
            }
        }
        return Optional.empty();
    }

    /** The date-time a column without zone receives; counts what it changed. */
    LocalDateTime naive(TemporalParser.ParsedTimestamp parsed, String columnType, ConversionNotes notes) {
        if (parsed.offset() == null || parsed.offset().getTotalSeconds() == 0) {
            return parsed.dateTime();
        }
        return switch (this) {
            case REFUSE ->
                throw refused(
                        parsed.offset().getId(),
                        columnType,
                        TemporalFormat.timestamp(parsed.toUtc()),
                        TemporalFormat.timestamp(parsed.dateTime()));
            case UTC -> {
                notes.count(Adjustment.OFFSET_CONVERTED_TO_UTC);
                yield parsed.toUtc();
            }
            case LOCAL -> {
                notes.count(Adjustment.OFFSET_DROPPED);
                yield parsed.dateTime();
            }
        };
    }

    /** The time of day a {@code time} column receives; counts what it changed. */
    LocalTime naive(TemporalParser.ParsedTime parsed, ConversionNotes notes) {
        if (parsed.offset() == null || parsed.offset().getTotalSeconds() == 0) {
            return parsed.time();
        }
        return switch (this) {
            case REFUSE ->
                throw refused(
                        parsed.offset().getId(),
                        "time",
                        TemporalFormat.time(
                                parsed.time().minusSeconds(parsed.offset().getTotalSeconds())),
                        TemporalFormat.time(parsed.time()));
            case UTC -> {
                notes.count(Adjustment.OFFSET_CONVERTED_TO_UTC);
                yield parsed.time().minusSeconds(parsed.offset().getTotalSeconds());
            }
            case LOCAL -> {
                notes.count(Adjustment.OFFSET_DROPPED);
                yield parsed.time();
            }
        };
    }

    private static ConversionRefusedException refused(String offset, String columnType, String utc, String written) {
        return new ConversionRefusedException(
                "offset " + offset + " cannot be kept by a " + columnType + " column: in UTC"
                        + " it reads " + utc + ", as written " + written + "; say which with " + OPTION
                        + ": utc or local (one column: conversions.columns.\"table.column\".offsets)");
    }
}
