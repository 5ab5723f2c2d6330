package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * timestamp and timestamptz from ISO text or Unix epoch seconds (INTEGER or REAL, always UTC).
 *
 * <p>timestamp: a value written with an offset is converted to UTC, and counted, because the column cannot keep the
 * offset. timestamptz: a value with an offset keeps its instant; a value without one is read in the naive zone.
 */
final class TimestampConverter implements ValueConverter {

    private final boolean withZone;
    private final NaiveZone naiveZone;

    private TimestampConverter(boolean withZone, NaiveZone naiveZone) {
        this.withZone = withZone;
        this.naiveZone = naiveZone;
    }

    static TimestampConverter withoutZone() {
        return new TimestampConverter(false, null);
    }

    static TimestampConverter withZone(ConversionOptions options) {
        return new TimestampConverter(true, new NaiveZone(options.naiveZone()));
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Double) {
            LocalDateTime utc = TemporalParser.fromEpoch(value);
            return withZone ? TemporalFormat.timestampWithOffset(utc, ZoneOffset.UTC) : TemporalFormat.timestamp(utc);
        }
        if (value instanceof String s) {
            return fromText(s, notes);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, withZone ? "a timestamptz" : "a timestamp");
    }

    private String fromText(String s, ConversionNotes notes) {
        TemporalParser.ParsedTimestamp parsed = TemporalParser.parseTimestamp(s);
        LocalDateTime local = parsed.dateTime();
        if (withZone) {
            ZoneOffset offset = parsed.offset() != null ? parsed.offset() : naiveZone.offsetAt(local);
            return TemporalFormat.timestampWithOffset(local, offset);
        }
        if (parsed.offset() == null) {
            return TemporalFormat.timestamp(local);
        }
        LocalDateTime utc = parsed.toUtc();
        notes.count(Adjustment.OFFSET_CONVERTED_TO_UTC);
        return TemporalFormat.timestamp(utc);
    }

    @Override
    public String description() {
        return withZone
                ? "timestamptz from ISO text or epoch seconds (no offset: read in " + naiveZone + ")"
                : "timestamp from ISO text or epoch seconds (offsets converted to UTC)";
    }
}
