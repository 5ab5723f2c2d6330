package dev.lite2pg.convert;

import java.util.Locale;
import java.util.Optional;

/**
 * How a number (INTEGER or REAL) in a timestamp or date column is read: {@code conversions.epoch-numbers}. SQLite
 * itself has no rule: its date functions read a bare number as a Julian day, applications mostly store Unix seconds.
 */
public enum EpochNumbers {
    /** Unix epoch seconds (the default). */
    SECONDS("seconds", "epoch seconds"),
    /** Unix epoch milliseconds (JavaScript's {@code Date.now()}, Java's {@code currentTimeMillis()}). */
    MILLISECONDS("milliseconds", "epoch milliseconds"),
    /** Julian day numbers, as SQLite's {@code julianday()} writes and its date functions read them (to the millisecond). */
    JULIAN_DAY("julian-day", "Julian days"),
    /** Numbers are refused: the column should hold text timestamps only. */
    REFUSE("refuse", "refused");

    public static final String OPTION = "conversions.epoch-numbers";

    private final String yaml;
    private final String shown;

    EpochNumbers(String yaml, String shown) {
        this.yaml = yaml;
        this.shown = shown;
    }

    public String yaml() {
        return yaml;
    }

    /** E.g. {@code epoch seconds}, for descriptions and warnings. */
    public String shown() {
        return shown;
    }

    public static Optional<EpochNumbers> fromYaml(String text) {
        for (EpochNumbers reading : values()) {
            if (reading.yaml.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(reading);
            }
        }
        return Optional.empty();
    }
}
