package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampConverterTest {

    private static final TimestampConverter NAIVE = TimestampConverter.withoutZone(ConversionOptions.DEFAULTS);
    private static final TimestampConverter NAIVE_UTC = TimestampConverter.withoutZone(
            new ConversionOptions(ZoneOffset.UTC, OffsetReading.UTC, false, EpochNumbers.SECONDS, Map.of()));
    private static final TimestampConverter NAIVE_LOCAL = TimestampConverter.withoutZone(
            new ConversionOptions(ZoneOffset.UTC, OffsetReading.LOCAL, false, EpochNumbers.SECONDS, Map.of()));
    private static final TimestampConverter ZONED = TimestampConverter.withZone(ConversionOptions.DEFAULTS);
    private static final TimestampConverter ZONED_NEW_YORK =
            TimestampConverter.withZone(new ConversionOptions(ZoneId.of("America/New_York")));

    private static String naive(Object value) {
        return NAIVE.convert(value, ConversionNotes.IGNORE);
    }

    private static void assertRefused(TimestampConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-01-31 13:45:07|2024-01-31 13:45:07",
                "2024-01-31T13:45:07|2024-01-31 13:45:07",
                "2024-01-31 13:45|2024-01-31 13:45:00",
                "2024-01-31|2024-01-31 00:00:00",
                "2024-01-31 13:45:07.1|2024-01-31 13:45:07.1",
                "2024-01-31 13:45:07.12|2024-01-31 13:45:07.12",
                "2024-01-31 13:45:07.123|2024-01-31 13:45:07.123",
                "2024-01-31 13:45:07.1234|2024-01-31 13:45:07.1234",
                "2024-01-31 13:45:07.12345|2024-01-31 13:45:07.12345",
                "2024-01-31 13:45:07.123456|2024-01-31 13:45:07.123456",
                "2024-01-31 13:45:07.000001|2024-01-31 13:45:07.000001",
                "2024-01-31 13:45:07.500|2024-01-31 13:45:07.5",
                "2024-01-31 13:45:07.000|2024-01-31 13:45:07",
                "2024-01-31 13:45:07.1234560|2024-01-31 13:45:07.123456",
                "2024-01-31 13:45:07.120000000|2024-01-31 13:45:07.12",
                "0001-01-01 00:00:00|0001-01-01 00:00:00",
                "9999-12-31 23:59:59.999999|9999-12-31 23:59:59.999999"
            })
    void naiveTextIsCopiedWithUpToSixFractionalDigits(String text, String expected) {
        assertThat(naive(text)).isEqualTo(expected);
    }

    @Test
    void moreThanSixNonZeroFractionalDigitsAreRefused() {
        assertRefused(
                NAIVE,
                "2024-01-31 13:45:07.1234567",
                "timestamp has 7 fractional digits; at most 6 (microseconds) can be stored");
        assertRefused(
                NAIVE,
                "2024-01-31 13:45:07.123456789",
                "timestamp has 9 fractional digits; at most 6 (microseconds) can be stored");
        assertRefused(
                NAIVE,
                "2024-01-31 13:45:07.000000001",
                "timestamp has 9 fractional digits; at most 6 (microseconds) can be stored");
    }

    @Test
    void leapDays() {
        assertThat(naive("2024-02-29 12:00:00")).isEqualTo("2024-02-29 12:00:00");
        assertThat(naive("2000-02-29")).isEqualTo("2000-02-29 00:00:00");
        assertRefused(NAIVE, "2023-02-29", "2023-02-29 is not a valid date");
        assertRefused(NAIVE, "1900-02-29 08:00", "1900-02-29 is not a valid date");
    }

    @Test
    void invalidFieldsAreRefused() {
        assertRefused(NAIVE, "2023-13-01", "2023-13-01 is not a valid date");
        assertRefused(NAIVE, "2023-04-31", "2023-04-31 is not a valid date");
        assertRefused(NAIVE, "2023-00-10", "2023-00-10 is not a valid date");
        assertRefused(NAIVE, "2023-01-01 24:00:00", "24:00:00 is not a valid time of day");
        assertRefused(NAIVE, "2023-01-01 12:60", "12:60 is not a valid time of day");
        assertRefused(NAIVE, "2023-01-01 23:59:60", "23:59:60 is not a valid time of day");
        assertRefused(NAIVE, "0000-01-01", "year 0000 is outside 1-9999");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2024-1-5",
                "2024/01/05",
                "24-01-05",
                "2024-01-05 1:00",
                "2024-01-05 12",
                "2024-01-05 12:00:",
                "2024-01-05 12:00:00.",
                "2024-01-05 12:00:00 ",
                "2024-01-05x12:00",
                "12024-01-05",
                "2024-01-05 12:00:00 UTC",
                "2024-01-05 12:00:00+1",
                "2024-01-05+02:00",
                " 2024-01-05",
                "1700000000"
            })
    void malformedTextIsRefused(String text) {
        assertRefused(
                NAIVE, text, "not a timestamp: expected YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][Z|±HH[:MM]] or epoch seconds");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-31 13:45:07Z",
                "2024-01-31T13:45:07z",
                "2024-01-31 13:45:07+00:00",
                "2024-01-31 13:45:07-00",
                "2024-01-31 13:45:07 +0000"
            })
    void zeroOffsetChangesNothingAndIsNotCounted(String text) {
        for (TimestampConverter converter : new TimestampConverter[] {NAIVE, NAIVE_UTC, NAIVE_LOCAL}) {
            CountingNotes notes = new CountingNotes();
            assertThat(converter.convert(text, notes)).isEqualTo("2024-01-31 13:45:07");
            assertThat(notes.isEmpty()).isTrue();
        }
    }

    @Test
    void nonZeroOffsetIsRefusedByDefaultNamingTheOption() {
        assertRefused(
                NAIVE,
                "2023-01-02 00:00:00+09:00",
                "offset +09:00 cannot be kept by a timestamp column: in UTC it"
                        + " reads 2023-01-01 15:00:00, as written 2023-01-02 00:00:00; say which with conversions.offsets: utc or local"
                        + " (one column: conversions.columns.\"table.column\".offsets)");
        assertRefused(
                NAIVE,
                "2024-01-31 09:30:00-05:00",
                "offset -05:00 cannot be kept by a timestamp column: in UTC it"
                        + " reads 2024-01-31 14:30:00, as written 2024-01-31 09:30:00; say which with conversions.offsets: utc or local"
                        + " (one column: conversions.columns.\"table.column\".offsets)");
    }

    @Test
    void localKeepsTheWrittenDateAndTimeAndCountsTheDroppedOffset() {
        CountingNotes notes = new CountingNotes();
        assertThat(NAIVE_LOCAL.convert("2024-01-31 09:30:00-05:00", notes)).isEqualTo("2024-01-31 09:30:00");
        assertThat(NAIVE_LOCAL.convert("2023-01-02T00:00:00.25+09:00", notes)).isEqualTo("2023-01-02 00:00:00.25");
        assertThat(notes.countOf(Adjustment.OFFSET_DROPPED)).isEqualTo(2);
        assertThat(notes.countOf(Adjustment.OFFSET_CONVERTED_TO_UTC)).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-01-31 13:45:07+02:00|2024-01-31 11:45:07",
                "2024-01-31 13:45:07+0200|2024-01-31 11:45:07",
                "2024-01-31 13:45:07+02|2024-01-31 11:45:07",
                "2024-01-31 13:45:07 +02:00|2024-01-31 11:45:07",
                "2024-01-31 13:45:07-0530|2024-01-31 19:15:07",
                "2024-01-31 22:00:00-05:00|2024-02-01 03:00:00",
                "2024-01-01 01:00:00.25+02:00|2023-12-31 23:00:00.25"
            })
    void withUtcOffsetsAreConvertedToUtcAndCounted(String text, String expected) {
        CountingNotes notes = new CountingNotes();
        assertThat(NAIVE_UTC.convert(text, notes)).isEqualTo(expected);
        assertThat(notes.countOf(Adjustment.OFFSET_CONVERTED_TO_UTC)).isEqualTo(1);
        assertThat(notes.countOf(Adjustment.TIME_OF_DAY_DROPPED)).isZero();
    }

    @Test
    void naiveValuesAreNotCounted() {
        CountingNotes notes = new CountingNotes();
        NAIVE.convert("2024-01-31 13:45:07", notes);
        NAIVE.convert(0L, notes);
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void invalidOffsetsAreRefused() {
        assertRefused(NAIVE, "2024-01-31 13:45:07+16:00", "+16:00 is not a valid UTC offset");
        assertRefused(NAIVE, "2024-01-31 13:45:07+02:60", "+02:60 is not a valid UTC offset");
    }

    @Test
    void conversionToUtcMustStayWithinYears1To9999() {
        assertRefused(NAIVE_UTC, "9999-12-31 23:00:00-02:00", "year 10000 is outside 1-9999 after conversion to UTC");
        assertRefused(NAIVE_UTC, "0001-01-01 00:30:00+01:00", "year 0 is outside 1-9999 after conversion to UTC");
    }

    @Test
    void epochSecondsAreUtc() {
        assertThat(naive(0L)).isEqualTo("1970-01-01 00:00:00");
        assertThat(naive(1700000000L)).isEqualTo("2023-11-14 22:13:20");
        assertThat(naive(-1L)).isEqualTo("1969-12-31 23:59:59");
        assertThat(naive(-86400L)).isEqualTo("1969-12-31 00:00:00");
        assertThat(naive(1700000000.5)).isEqualTo("2023-11-14 22:13:20.5");
        assertThat(naive(1700000000.123456)).isEqualTo("2023-11-14 22:13:20.123456");
        assertThat(naive(0.0)).isEqualTo("1970-01-01 00:00:00");
        assertThat(naive(-1.5)).isEqualTo("1969-12-31 23:59:58.5");
        assertThat(naive(-62135596800L)).isEqualTo("0001-01-01 00:00:00");
        assertThat(naive(253402300799L)).isEqualTo("9999-12-31 23:59:59");
    }

    @Test
    void epochOutsideYears1To9999IsRefused() {
        assertRefused(
                NAIVE, 1700000000000L, "epoch 1700000000000 is outside years 1-9999 (seconds since 1970 expected)");
        assertRefused(NAIVE, 253402300800L, "epoch 253402300800 is outside years 1-9999 (seconds since 1970 expected)");
        assertRefused(NAIVE, -62135596801L, "epoch -62135596801 is outside years 1-9999 (seconds since 1970 expected)");
        assertRefused(NAIVE, Double.NaN, "epoch NaN is outside years 1-9999 (seconds since 1970 expected)");
    }

    @Test
    void realEpochIsRoundedToTheMicrosecondAndCounted() {
        CountingNotes notes = new CountingNotes();
        // Python's time.time(): the double's 7th digit is noise; PostgreSQL's to_timestamp() rounds it too.
        assertThat(NAIVE.convert(1746101132.9452817, notes)).isEqualTo("2025-05-01 12:05:32.945282");
        assertThat(NAIVE.convert(0.1234567, notes)).isEqualTo("1970-01-01 00:00:00.123457");
        assertThat(notes.countOf(Adjustment.EPOCH_ROUNDED_TO_MICROSECOND)).isEqualTo(2);
        CountingNotes exact = new CountingNotes();
        assertThat(NAIVE.convert(1746101132.945281, exact)).isEqualTo("2025-05-01 12:05:32.945281");
        assertThat(exact.isEmpty()).isTrue();
    }

    @Test
    void textWithMoreThanMicrosecondsStaysRefused() {
        assertRefused(
                NAIVE,
                "2025-05-01 12:05:32.9452817",
                "timestamp has 7 fractional digits; at most 6 (microseconds) can be stored");
    }

    @Test
    void numbersAreReadAsTheJobSays() {
        TimestampConverter millis = TimestampConverter.withoutZone(new ConversionOptions(
                ZoneOffset.UTC, OffsetReading.REFUSE, false, EpochNumbers.MILLISECONDS, Map.of()));
        assertThat(millis.convert(1700000000123L, ConversionNotes.IGNORE)).isEqualTo("2023-11-14 22:13:20.123");
        assertThat(millis.convert(-1L, ConversionNotes.IGNORE)).isEqualTo("1969-12-31 23:59:59.999");
        assertThat(millis.convert(1700000000123.5, ConversionNotes.IGNORE)).isEqualTo("2023-11-14 22:13:20.1235");
        assertRefused(
                millis,
                253402300800000L,
                "epoch 253402300800000 is outside years 1-9999 (milliseconds since 1970 expected)");
        TimestampConverter julian = TimestampConverter.withoutZone(
                new ConversionOptions(ZoneOffset.UTC, OffsetReading.REFUSE, false, EpochNumbers.JULIAN_DAY, Map.of()));
        // SQLite: datetime(2460311.25) = '2024-01-01 18:00:00', datetime(2440587.5) = '1970-01-01 00:00:00'
        assertThat(julian.convert(2460311.25, ConversionNotes.IGNORE)).isEqualTo("2024-01-01 18:00:00");
        assertThat(julian.convert(2440588L, ConversionNotes.IGNORE)).isEqualTo("1970-01-01 12:00:00");
        assertRefused(julian, 0L, "Julian day 0 is outside years 1-9999");
        TimestampConverter refuse = TimestampConverter.withoutZone(
                new ConversionOptions(ZoneOffset.UTC, OffsetReading.REFUSE, false, EpochNumbers.REFUSE, Map.of()));
        assertRefused(
                refuse,
                2024L,
                "a number where a text timestamp is expected: conversions.epoch-numbers is refuse;"
                        + " set it to seconds, milliseconds or julian-day to read numbers");
        assertThat(refuse.convert("2024-01-01", ConversionNotes.IGNORE)).isEqualTo("2024-01-01 00:00:00");
    }

    @Test
    void blobIsRefused() {
        assertRefused(NAIVE, new byte[8], "BLOB into a timestamp column");
    }

    @Test
    void timestamptzKeepsTheWrittenOffset() {
        assertThat(ZONED.convert("2024-01-31 13:45:07+02:00", ConversionNotes.IGNORE))
                .isEqualTo("2024-01-31 13:45:07+02");
        assertThat(ZONED.convert("2024-01-31 13:45:07-0530", ConversionNotes.IGNORE))
                .isEqualTo("2024-01-31 13:45:07-05:30");
        assertThat(ZONED.convert("2024-01-31 13:45:07.5Z", ConversionNotes.IGNORE))
                .isEqualTo("2024-01-31 13:45:07.5+00");
    }

    @Test
    void timestamptzReadsNaiveValuesInTheNaiveZoneWithoutCounting() {
        CountingNotes notes = new CountingNotes();
        assertThat(ZONED.convert("2024-01-01 12:00:00", notes)).isEqualTo("2024-01-01 12:00:00+00");
        assertThat(ZONED_NEW_YORK.convert("2024-01-01 12:00:00", notes)).isEqualTo("2024-01-01 12:00:00-05");
        assertThat(ZONED_NEW_YORK.convert("2024-07-01 12:00:00", notes)).isEqualTo("2024-07-01 12:00:00-04");
        assertThat(TimestampConverter.withZone(new ConversionOptions(ZoneOffset.ofHoursMinutes(5, 30)))
                        .convert("2024-07-01", notes))
                .isEqualTo("2024-07-01 00:00:00+05:30");
        assertThat(notes.isEmpty()).isTrue();
    }

    @Test
    void timestamptzRefusesLocalTimesThatDaylightSavingSkipsOrRepeats() {
        assertRefused(
                ZONED_NEW_YORK,
                "2024-03-10 02:30:00",
                "2024-03-10 02:30:00 does not exist in America/New_York (skipped by a daylight-saving change)");
        assertRefused(
                ZONED_NEW_YORK,
                "2024-11-03 01:30:00",
                "2024-11-03 01:30:00 is ambiguous in America/New_York (repeated by a daylight-saving change)");
        assertThat(ZONED_NEW_YORK.convert("2024-11-03 01:30:00-04:00", ConversionNotes.IGNORE))
                .isEqualTo("2024-11-03 01:30:00-04");
    }

    @Test
    void timestamptzEpochIsAnInstantInUtc() {
        assertThat(ZONED.convert(0L, ConversionNotes.IGNORE)).isEqualTo("1970-01-01 00:00:00+00");
        assertThat(ZONED_NEW_YORK.convert(1700000000.25, ConversionNotes.IGNORE))
                .isEqualTo("2023-11-14 22:13:20.25+00");
    }

    @Test
    void descriptions() {
        assertThat(NAIVE.description()).isEqualTo("timestamp from ISO text or epoch seconds (offsets: refuse)");
        assertThat(NAIVE_UTC.description()).isEqualTo("timestamp from ISO text or epoch seconds (offsets: utc)");
        assertThat(ZONED_NEW_YORK.description())
                .isEqualTo("timestamptz from ISO text or epoch seconds (no offset: read in America/New_York)");
    }
}
