package dev.lite2pg.convert;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings that change how values are read, fixed for the whole run.
 *
 * @param naiveZone the zone a timestamp without offset is read in when it goes into a {@code timestamptz}
 *     (or a time without offset into a {@code timetz}); SQLite has no zones, so this is the one assumption we must be told
 */
public record ConversionOptions(ZoneId naiveZone) {

    public static final ConversionOptions DEFAULTS = new ConversionOptions(ZoneOffset.UTC);

    public ConversionOptions {
        Objects.requireNonNull(naiveZone, "naiveZone");
    }
}
