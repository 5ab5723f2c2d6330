package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * timestamp and timestamptz from ISO text or numbers (read as {@link EpochNumbers} says, always UTC).
 *
 * <p>timestamp: a value written with a non-zero offset is refused, or read as {@link OffsetReading} says, because the
 * column cannot keep the offset. timestamptz: a value with an offset keeps its instant; a value without one is read in
 * the naive zone.
 */
final class TimestampConverter implements ValueConverter {

    private final boolean withZone;
    private final NaiveZone naiveZone;
    private final OffsetReading offsets;
    private final EpochNumbers numbers;

    private TimestampConverter(boolean withZone, NaiveZone naiveZone, OffsetReading offsets, EpochNumbers numbers) {
        this.withZone = withZone;
        this.naiveZone = naiveZone;
        this.offsets = offsets;
        this.numbers = numbers;
    }

    static TimestampConverter withoutZone(ConversionOptions options) {
        return new TimestampConverter(false, null, options.offsets(), options.epochNumbers());
    }

    static TimestampConverter withZone(ConversionOptions options) {
        return new TimestampConverter(
                true, new NaiveZone(options.naiveZone()), options.offsets(), options.epochNumbers());
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Double) {
            LocalDateTime utc = TemporalParser.fromEpoch(value, numbers, notes);
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
        if (withZone) {
            LocalDateTime local = parsed.dateTime();
            ZoneOffset offset = parsed.offset() != null ? parsed.offset() : naiveZone.offsetAt(local);
            return TemporalFormat.timestampWithOffset(local, offset);
        }
        return TemporalFormat.timestamp(offsets.naive(parsed, "timestamp", notes));
    }

    @Override
    public EpochNumbers numbersReadAs() {
        return numbers;
    }

    @Override
    public String description() {
        return withZone
                ? "timestamptz from ISO text or " + numbers.shown() + " (no offset: read in " + naiveZone + ")"
                : "timestamp from ISO text or " + numbers.shown() + " (offsets: " + offsets.yaml() + ")";
    }
}
