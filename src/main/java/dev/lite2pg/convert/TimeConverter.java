package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.time.ZoneOffset;

/**
 * time and timetz from {@code HH:MM[:SS[.fraction]]} text. A full timestamp is refused: the column would drop its date.
 * time takes an offset of zero as is and refuses another one, or reads it as {@link OffsetReading} says; timetz keeps the
 * offset, and a value without one takes the
 * naive zone's offset when that zone has a fixed one.
 */
final class TimeConverter implements ValueConverter {

    private final boolean withZone;
    private final NaiveZone naiveZone;
    private final OffsetReading offsets;

    private TimeConverter(boolean withZone, NaiveZone naiveZone, OffsetReading offsets) {
        this.withZone = withZone;
        this.naiveZone = naiveZone;
        this.offsets = offsets;
    }

    static TimeConverter withoutZone(ConversionOptions options) {
        return new TimeConverter(false, null, options.offsets());
    }

    static TimeConverter withZone(ConversionOptions options) {
        return new TimeConverter(true, new NaiveZone(options.naiveZone()), options.offsets());
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return fromText(s, notes);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, withZone ? "a timetz" : "a time");
    }

    private String fromText(String s, ConversionNotes notes) {
        if (TemporalParser.startsWithDate(s)) {
            throw new ConversionRefusedException("a timestamp into a time column would drop the date");
        }
        TemporalParser.ParsedTime parsed = TemporalParser.parseTime(s);
        if (withZone) {
            ZoneOffset offset = parsed.offset() != null ? parsed.offset() : naiveZone.offsetForTimeOfDay();
            return TemporalFormat.timeWithOffset(parsed.time(), offset);
        }
        return TemporalFormat.time(offsets.naive(parsed, notes));
    }

    @Override
    public String description() {
        return withZone
                ? "timetz from HH:MM[:SS[.ffffff]] text with offset"
                : "time from HH:MM[:SS[.ffffff]] text (offsets: " + offsets.yaml() + ")";
    }
}
