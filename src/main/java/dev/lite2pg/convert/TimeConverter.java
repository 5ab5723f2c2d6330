package dev.lite2pg.convert;

import dev.lite2pg.model.InvalidUtf8Text;
import java.time.ZoneOffset;

/**
 * time and timetz from {@code HH:MM[:SS[.fraction]]} text. A full timestamp is refused: the column would drop its date.
 * time refuses a value with an offset (it would drop it); timetz keeps the offset, and a value without one takes the
 * naive zone's offset when that zone has a fixed one.
 */
final class TimeConverter implements ValueConverter {

    private final boolean withZone;
    private final NaiveZone naiveZone;

    private TimeConverter(boolean withZone, NaiveZone naiveZone) {
        this.withZone = withZone;
        this.naiveZone = naiveZone;
    }

    static TimeConverter withoutZone() {
        return new TimeConverter(false, null);
    }

    static TimeConverter withZone(ConversionOptions options) {
        return new TimeConverter(true, new NaiveZone(options.naiveZone()));
    }

    @Override
    public String convert(Object value, ConversionNotes notes) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return fromText(s);
        }
        if (value instanceof InvalidUtf8Text) {
            throw Refusals.invalidUtf8();
        }
        throw Refusals.wrongStorageClass(value, withZone ? "a timetz" : "a time");
    }

    private String fromText(String s) {
        if (TemporalParser.startsWithDate(s)) {
            throw new ConversionRefusedException("a timestamp into a time column would drop the date");
        }
        TemporalParser.ParsedTime parsed = TemporalParser.parseTime(s);
        if (withZone) {
            ZoneOffset offset = parsed.offset() != null ? parsed.offset() : naiveZone.offsetForTimeOfDay();
            return TemporalFormat.timeWithOffset(parsed.time(), offset);
        }
        if (parsed.offset() != null) {
            throw new ConversionRefusedException("time has an offset; time without time zone would drop it");
        }
        return TemporalFormat.time(parsed.time());
    }

    @Override
    public String description() {
        return withZone ? "timetz from HH:MM[:SS[.ffffff]] text with offset" : "time from HH:MM[:SS[.ffffff]] text";
    }
}
