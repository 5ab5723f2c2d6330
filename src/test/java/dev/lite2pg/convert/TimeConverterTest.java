package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeConverterTest {

    private static final TimeConverter TIME = TimeConverter.withoutZone(ConversionOptions.DEFAULTS);
    private static final TimeConverter TIMETZ = TimeConverter.withZone(ConversionOptions.DEFAULTS);

    private static void assertRefused(TimeConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "13:45, 13:45:00",
        "13:45:07, 13:45:07",
        "00:00:00, 00:00:00",
        "23:59:59.999999, 23:59:59.999999",
        "08:00:00.5, 08:00:00.5",
        "08:00:00.05, 08:00:00.05",
        "08:00:00.1230000, 08:00:00.123"
    })
    void timeOfDayText(String text, String expected) {
        assertThat(TIME.convert(text, ConversionNotes.IGNORE)).isEqualTo(expected);
    }

    @Test
    void moreThanMicrosecondsIsRefused() {
        assertRefused(TIME, "08:00:00.1234567", "time has 7 fractional digits; at most 6 (microseconds) can be stored");
    }

    @Test
    void fullTimestampIsRefusedBecauseTheDateWouldBeLost() {
        assertRefused(TIME, "2024-01-01 08:00:00", "a timestamp into a time column would drop the date");
        assertRefused(TIMETZ, "2024-01-01T08:00:00Z", "a timestamp into a time column would drop the date");
    }

    @Test
    void invalidTimesAreRefused() {
        assertRefused(TIME, "24:00:00", "24:00:00 is not a valid time of day");
        assertRefused(TIME, "12:61", "12:61 is not a valid time of day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8:00", "0800", "12:00:00.", "noon", "12:00 pm"})
    void malformedTimesAreRefused(String text) {
        assertRefused(TIME, text, "not a time of day: expected HH:MM[:SS[.ffffff]][Z|±HH[:MM]]");
    }

    @Test
    void timeRefusesANonZeroOffsetByDefault() {
        assertRefused(
                TIME,
                "09:30:00-05:00",
                "offset -05:00 cannot be kept by a time column: in UTC it reads 14:30:00,"
                        + " as written 09:30:00; say which with conversions.offsets: utc or local"
                        + " (one column: conversions.columns.\"table.column\".offsets)");
    }

    @Test
    void timeTakesAZeroOffsetAsIsAndOthersAsTheJobSays() {
        CountingNotes notes = new CountingNotes();
        assertThat(TIME.convert("08:00:00Z", notes)).isEqualTo("08:00:00");
        assertThat(TIME.convert("08:00:00+00:00", notes)).isEqualTo("08:00:00");
        assertThat(notes.isEmpty()).isTrue();
        TimeConverter utc = TimeConverter.withoutZone(new ConversionOptions(
                ZoneOffset.UTC, OffsetReading.UTC, false, EpochNumbers.SECONDS, java.util.Map.of()));
        assertThat(utc.convert("09:30:00-05:00", notes)).isEqualTo("14:30:00");
        assertThat(utc.convert("01:00:00+02:00", notes)).isEqualTo("23:00:00");
        assertThat(notes.countOf(Adjustment.OFFSET_CONVERTED_TO_UTC)).isEqualTo(2);
        TimeConverter local = TimeConverter.withoutZone(new ConversionOptions(
                ZoneOffset.UTC, OffsetReading.LOCAL, false, EpochNumbers.SECONDS, java.util.Map.of()));
        assertThat(local.convert("09:30:00-05:00", notes)).isEqualTo("09:30:00");
        assertThat(notes.countOf(Adjustment.OFFSET_DROPPED)).isEqualTo(1);
    }

    @Test
    void timetzKeepsTheOffset() {
        assertThat(TIMETZ.convert("08:00:00+02:00", ConversionNotes.IGNORE)).isEqualTo("08:00:00+02");
        assertThat(TIMETZ.convert("08:00-0930", ConversionNotes.IGNORE)).isEqualTo("08:00:00-09:30");
        assertThat(TIMETZ.convert("08:00:00.25Z", ConversionNotes.IGNORE)).isEqualTo("08:00:00.25+00");
    }

    @Test
    void timetzWithoutOffsetTakesAFixedNaiveZoneOnly() {
        assertThat(TIMETZ.convert("08:00", ConversionNotes.IGNORE)).isEqualTo("08:00:00+00");
        TimeConverter plusOne = TimeConverter.withZone(new ConversionOptions(ZoneOffset.ofHours(1)));
        assertThat(plusOne.convert("08:00", ConversionNotes.IGNORE)).isEqualTo("08:00:00+01");
        TimeConverter paris = TimeConverter.withZone(new ConversionOptions(ZoneId.of("Europe/Paris")));
        assertRefused(
                paris,
                "08:00",
                "time has no offset and Europe/Paris has none fixed; a time of day alone cannot tell which applies");
    }

    @Test
    void numbersAndBlobsAreRefused() {
        assertRefused(TIME, 3600L, "INTEGER into a time column");
        assertRefused(TIMETZ, new byte[1], "BLOB into a timetz column");
    }
}
