package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateConverterTest {

    private final DateConverter converter = new DateConverter(ConversionOptions.DEFAULTS);
    /** conversions: { drop-time-of-day: true, offsets: utc } */
    private final DateConverter droppingUtc = new DateConverter(
            new ConversionOptions(ZoneOffset.UTC, OffsetReading.UTC, true, EpochNumbers.SECONDS, Map.of()));
    /** conversions: { drop-time-of-day: true, offsets: local } */
    private final DateConverter droppingLocal = new DateConverter(
            new ConversionOptions(ZoneOffset.UTC, OffsetReading.LOCAL, true, EpochNumbers.SECONDS, Map.of()));

    private void assertRefused(Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void dateTextIsCopiedWithoutNotes() {
        CountingNotes notes = new CountingNotes();
        assertThat(converter.convert("2024-02-29", notes)).isEqualTo("2024-02-29");
        assertThat(converter.convert("2000-02-29", notes)).isEqualTo("2000-02-29");
        assertThat(converter.convert("0001-01-01", notes)).isEqualTo("0001-01-01");
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void invalidDatesAreRefused() {
        assertRefused("2023-02-29", "2023-02-29 is not a valid date");
        assertRefused("1900-02-29", "1900-02-29 is not a valid date");
        assertRefused("2023-13-01", "2023-13-01 is not a valid date");
    }

    @Test
    void midnightTimestampKeepsItsDateWithoutCounting() {
        CountingNotes notes = new CountingNotes();
        assertThat(converter.convert("2024-05-06 00:00:00", notes)).isEqualTo("2024-05-06");
        assertThat(converter.convert("2024-05-06T00:00", notes)).isEqualTo("2024-05-06");
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void timeOfDayIsRefusedByDefaultNamingTheOption() {
        assertRefused(
                "1996-07-04 13:45:00",
                "time of day 13:45:00 would be dropped by a date column; set"
                        + " conversions.drop-time-of-day: true to keep only the date"
                        + " (one column: conversions.columns.\"table.column\".drop-time-of-day)");
        assertRefused(
                "2024-05-06 00:00:00.000001",
                "time of day 00:00:00.000001 would be dropped by a date column; set"
                        + " conversions.drop-time-of-day: true to keep only the date"
                        + " (one column: conversions.columns.\"table.column\".drop-time-of-day)");
        assertRefused(
                1700000000L,
                "time of day 22:13:20 would be dropped by a date column; set"
                        + " conversions.drop-time-of-day: true to keep only the date"
                        + " (one column: conversions.columns.\"table.column\".drop-time-of-day)");
    }

    @Test
    void droppedTimeOfDayIsCountedWhenTheJobAllowsIt() {
        CountingNotes notes = new CountingNotes();
        assertThat(droppingUtc.convert("2024-05-06 13:14:15", notes)).isEqualTo("2024-05-06");
        assertThat(droppingUtc.convert("2024-05-06 00:00:00.000001", notes)).isEqualTo("2024-05-06");
        assertThat(notes.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isEqualTo(2);
        assertThat(notes.countOf(Adjustment.OFFSET_CONVERTED_TO_UTC)).isZero();
    }

    @Test
    void nonZeroOffsetIsRefusedByDefaultSinceItCouldMoveTheDay() {
        assertRefused(
                "2023-01-02 00:00:00+09:00",
                "offset +09:00 cannot be kept by a date column: in UTC it reads"
                        + " 2023-01-01 15:00:00, as written 2023-01-02 00:00:00; say which with conversions.offsets: utc or local"
                        + " (one column: conversions.columns.\"table.column\".offsets)");
        CountingNotes notes = new CountingNotes();
        assertThat(converter.convert("2023-01-02 00:00:00Z", notes)).isEqualTo("2023-01-02");
        assertThat(converter.convert("2023-01-02T00:00:00+00:00", notes)).isEqualTo("2023-01-02");
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void localKeepsTheDateAsWritten() {
        CountingNotes notes = new CountingNotes();
        assertThat(droppingLocal.convert("2023-01-02 00:00:00+09:00", notes)).isEqualTo("2023-01-02");
        assertThat(notes.countOf(Adjustment.OFFSET_DROPPED)).isEqualTo(1);
        assertThat(notes.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isZero();
        DateConverter localOnly = new DateConverter(
                new ConversionOptions(ZoneOffset.UTC, OffsetReading.LOCAL, false, EpochNumbers.SECONDS, Map.of()));
        assertThat(localOnly.convert("2023-01-02 00:00:00+09:00", ConversionNotes.IGNORE))
                .isEqualTo("2023-01-02");
    }

    @Test
    void utcConvertsBeforeTheDateIsTaken() {
        CountingNotes notes = new CountingNotes();
        assertThat(droppingUtc.convert("2024-05-06 01:00:00+02:00", notes)).isEqualTo("2024-05-05");
        assertThat(notes.countOf(Adjustment.OFFSET_CONVERTED_TO_UTC)).isEqualTo(1);
        assertThat(notes.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isEqualTo(1);

        CountingNotes midnight = new CountingNotes();
        assertThat(droppingUtc.convert("2024-05-06T02:00:00+02:00", midnight)).isEqualTo("2024-05-06");
        assertThat(midnight.countOf(Adjustment.OFFSET_CONVERTED_TO_UTC)).isEqualTo(1);
        assertThat(midnight.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isZero();
    }

    @Test
    void epochSecondsGiveTheUtcDate() {
        CountingNotes notes = new CountingNotes();
        assertThat(converter.convert(0L, notes)).isEqualTo("1970-01-01");
        assertThat(converter.convert(86400L * 365, notes)).isEqualTo("1971-01-01");
        assertThat(converter.convert(-86400L, notes)).isEqualTo("1969-12-31");
        assertThat(notes.isEmpty()).isTrue();
        assertThat(droppingUtc.convert(-1L, notes)).isEqualTo("1969-12-31");
        assertThat(droppingUtc.convert(1700000000.5, notes)).isEqualTo("2023-11-14");
        assertThat(notes.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isEqualTo(2);
    }

    @Test
    void otherValuesAreRefused() {
        assertRefused(
                "05/06/2024",
                "not a timestamp: expected YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][Z|±HH[:MM]] or epoch seconds");
        assertRefused(new byte[4], "BLOB into a date column");
        assertRefused(
                "2024-05-06 00:00:00.1234567",
                "timestamp has 7 fractional digits; at most 6 (microseconds) can be stored");
    }

    @Test
    void nullStaysNull() {
        assertThat(converter.convert(null, ConversionNotes.IGNORE)).isNull();
    }
}
