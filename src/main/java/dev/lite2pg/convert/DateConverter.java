package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * date from date text, timestamp text or epoch seconds. A timestamp keeps its date; a dropped non-midnight time of day
 * is counted, and a value with an offset is first converted to UTC (and counted), so the date is the UTC date.
 */
final class DateConverter implements ValueConverter {

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Double) {
            return dateOf(TemporalParser.fromEpoch(value), notes);
        }
        if (value instanceof String s) {
            TemporalParser.ParsedTimestamp parsed = TemporalParser.parseTimestamp(s);
            if (parsed.offset() == null) {
                return dateOf(parsed.dateTime(), notes);
            }
            LocalDateTime utc = parsed.toUtc();
            notes.count(Adjustment.OFFSET_CONVERTED_TO_UTC);
            return dateOf(utc, notes);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, "a date");
    }

    private static String dateOf(LocalDateTime dateTime, ConversionNotes notes) {
        if (!dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            notes.count(Adjustment.TIME_OF_DAY_DROPPED);
        }
        return TemporalFormat.date(dateTime.toLocalDate());
    }

    @Override
    public String description() {
        return "date from ISO text or epoch seconds (time of day dropped and counted)";
    }
}
