package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * date from date text, timestamp text or numbers (read as {@link EpochNumbers} says). A timestamp at midnight keeps its
 * date; one with another time of day is refused unless the job allows dropping it (then counted), and one with a
 * non-zero offset is refused or read as {@link OffsetReading} says, since converting it could move it to another day.
 */
final class DateConverter implements ValueConverter {

    private final OffsetReading offsets;
    private final boolean dropTimeOfDay;
    private final EpochNumbers numbers;

    DateConverter(ConversionOptions options) {
        this.offsets = options.offsets();
        this.dropTimeOfDay = options.dropTimeOfDay();
        this.numbers = options.epochNumbers();
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Double) {
            return dateOf(TemporalParser.fromEpoch(value, numbers, notes), notes);
        }
        if (value instanceof String s) {
            return dateOf(offsets.naive(TemporalParser.parseTimestamp(s), "date", notes), notes);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, "a date");
    }

    private String dateOf(LocalDateTime dateTime, ConversionNotes notes) {
        if (!dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            if (!dropTimeOfDay) {
                throw new ConversionRefusedException("time of day " + TemporalFormat.time(dateTime.toLocalTime())
                        + " would be dropped by a date column; set conversions.drop-time-of-day: true to keep only the date"
                        + " (one column: conversions.columns.\"table.column\".drop-time-of-day)");
            }
            notes.count(Adjustment.TIME_OF_DAY_DROPPED);
        }
        return TemporalFormat.date(dateTime.toLocalDate());
    }

    @Override
    public EpochNumbers numbersReadAs() {
        return numbers;
    }

    @Override
    public String description() {
        return "date from ISO text or " + numbers.shown() + " (offsets: " + offsets.yaml() + "; time of day "
                + (dropTimeOfDay ? "dropped and counted" : "refused") + ")";
    }
}
