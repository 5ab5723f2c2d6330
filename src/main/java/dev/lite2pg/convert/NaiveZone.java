package dev.lite2pg.convert;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * The zone a value without offset is read in ({@link ConversionOptions#naiveZone()}). A local time that a
 * daylight-saving change skips or repeats has no single instant; it is refused rather than shifted or guessed.
 */
final class NaiveZone {

    private final ZoneId zone;
    private final ZoneRules rules;
    /** The zone's offset when it never changes (UTC, +02:00), so the common case needs no rules lookup; else null. */
    private final ZoneOffset fixedOffset;

    NaiveZone(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(LocalDateTime.MIN) : null;
    }

    ZoneOffset offsetAt(LocalDateTime local) {
        if (fixedOffset != null) {
            return fixedOffset;
        }
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return valid.get(0);
        }
        String shown = TemporalFormat.timestamp(local);
        throw new ConversionRefusedException(
                valid.isEmpty()
                        ? shown + " does not exist in " + zone + " (skipped by a daylight-saving change)"
                        : shown + " is ambiguous in " + zone + " (repeated by a daylight-saving change)");
    }

    /** The offset a time of day without date takes: only a fixed-offset zone gives one. */
    ZoneOffset offsetForTimeOfDay() {
        if (fixedOffset == null) {
            throw new ConversionRefusedException("time has no offset and " + zone
                    + " has none fixed; a time of day alone cannot tell which applies");
        }
        return fixedOffset;
    }

    @Override
    public String toString() {
        return zone.toString();
    }
}
