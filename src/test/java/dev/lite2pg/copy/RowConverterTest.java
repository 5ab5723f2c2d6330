package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.InvalidUtf8Text;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import dev.lite2pg.source.OversizedValue;
import dev.lite2pg.source.SourceRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conversion of one row, shared by the copy, the scan and the content check, without any database: the plan comes
 * from hand-built catalogs.
 */
class RowConverterTest {

    private static final TableCopy EVENT = plan();

    private static TableCopy plan() {
        SourceTable source = new SourceTable(
                "Event",
                List.of(
                        new SourceColumn("Id", "INTEGER", false, 1),
                        new SourceColumn("Flag", "", false, 0),
                        new SourceColumn("At", "", false, 0),
                        new SourceColumn("Name", "", false, 0)),
                false,
                List.of());
        TargetTable target = new TargetTable(
                "event",
                List.of(
                        new TargetColumn("id", TargetType.of("int4"), true, false, false),
                        new TargetColumn("flag", TargetType.of("bool"), false, false, false),
                        new TargetColumn("at", TargetType.of("timestamp"), true, false, false),
                        new TargetColumn("name", TargetType.of("text"), false, false, false)),
                List.of());
        return CopyPlan.build(
                        List.of(source),
                        List.of(target),
                        "app",
                        MappingSpec.defaults(),
                        ConversionOptions.DEFAULTS,
                        CopyPlan.Unmapped.REFUSE)
                .copies()
                .get(0);
    }

    private static List<RowRefusal> check(Object... values) {
        List<RowRefusal> found = new ArrayList<>();
        int count = new RowConverter(EVENT).convert(new SourceRow(new Object[] {values[0]}, values), found::add);
        assertThat(count).isEqualTo(found.size());
        return found;
    }

    @Test
    void textAndNumbersAreCountedInColumnsThatReadNumbersAsEpochsOnly() {
        RowConverter scan = new RowConverter(EVENT);
        scan.convert(new SourceRow(new Object[] {1L}, new Object[] {1L, 0L, "2024-02-29 10:00:00", "a"}), bad -> {});
        scan.convert(new SourceRow(new Object[] {2L}, new Object[] {2L, 1L, 2024L, "b"}), bad -> {});
        scan.convert(new SourceRow(new Object[] {3L}, new Object[] {3L, 1L, 1.5, null}), bad -> {});
        assertThat(scan.textValues()).containsExactly(0, 0, 1, 0);
        assertThat(scan.numberValues()).containsExactly(0, 0, 2, 0);
    }

    @Test
    void aGoodRowHasNothingToReport() {
        assertThat(check(1L, 0L, "2024-02-29 10:00:00", "ok")).isEmpty();
    }

    @Test
    void everyBadValueOfTheRowIsReportedNotOnlyTheFirst() {
        List<RowRefusal> found = check(7L, 2L, null, new InvalidUtf8Text(new byte[] {'A', (byte) 0xFF}));

        assertThat(found)
                .extracting(
                        RowRefusal::table,
                        RowRefusal::rowKey,
                        RowRefusal::column,
                        RowRefusal::value,
                        RowRefusal::reason,
                        RowRefusal::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Event",
                                "Id=7",
                                "Flag",
                                "INTEGER 2",
                                "not a boolean: expected 0/1, t/f, true/false (target type bool)",
                                "not a boolean"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Event",
                                "Id=7",
                                "At",
                                "NULL",
                                "NULL into NOT NULL column event.at",
                                "NULL into NOT NULL column event.at"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Event",
                                "Id=7",
                                "Name",
                                "TEXT (invalid UTF-8, 2 bytes)",
                                "invalid UTF-8 (target type text)",
                                "invalid UTF-8"));
        assertThat(found.get(0))
                .hasToString(
                        "Event Id=7, column Flag: INTEGER 2: not a boolean: expected 0/1, t/f, true/false (target type bool)");
    }

    @Test
    void likeReasonsShareAKindSoTheyAreCountedTogether() {
        RowRefusal first = check(1L, null, "2023-02-29", null).get(0);
        RowRefusal second = check(2L, null, "2021-04-31 08:00", null).get(0);

        assertThat(first.reason()).isNotEqualTo(second.reason());
        assertThat(first.group()).isEqualTo(second.group());
        assertThat(first.kind()).isEqualTo("# is not a valid date");
    }

    @Test
    void aGoodRowIsEncodedAsOneLineOfCopyText() {
        RowConverter converter = new RowConverter(EVENT);
        CopyTextEncoder encoder = new CopyTextEncoder(64);

        assertThat(converter.convert(
                        new SourceRow(new Object[] {1L}, new Object[] {1L, 0L, "2024-02-29 10:00:00", "a\tb"}),
                        bad -> {}))
                .isZero();
        converter.encode(encoder);
        assertThat(converter.convert(
                        new SourceRow(new Object[] {2L}, new Object[] {2L, null, "2024-03-01 00:00:00", null}),
                        bad -> {}))
                .isZero();
        converter.encode(encoder);

        assertThat(new String(encoder.buffer(), 0, encoder.length(), StandardCharsets.UTF_8))
                .isEqualTo("1\tf\t2024-02-29 10:00:00\ta\\tb\n2\t\\N\t2024-03-01 00:00:00\t\\N\n");
    }

    @Test
    void anOversizedValueIsRefusedByItsSizeAndNoConverterSeesIt() {
        String reason = "value of 40,000,000 bytes is larger than the 16,777,216 bytes a value may have with this heap";
        List<RowRefusal> found = check(4L, 1L, "2024-02-29 10:00:00", new OversizedValue("TEXT", 40_000_000L, reason));

        assertThat(found)
                .singleElement()
                .extracting(RowRefusal::column, RowRefusal::value, RowRefusal::reason, RowRefusal::kind)
                .containsExactly("Name", "TEXT (40,000,000 bytes, not read)", reason, ReasonKinds.of(reason));
    }

    @Test
    void deliberateAdjustmentsAreTalliedPerColumn() {
        RowConverter converter = new RowConverter(EVENT);

        converter.convert(
                new SourceRow(new Object[] {1L}, new Object[] {1L, 1L, 1_700_000_000.1234567, "a"}), bad -> {});
        converter.convert(new SourceRow(new Object[] {2L}, new Object[] {2L, 1L, 1_700_000_000.5, "b"}), bad -> {});

        for (Adjustment adjustment : Adjustment.values()) {
            assertThat(converter.tallies()[2].get(adjustment))
                    .as(adjustment.name())
                    .isEqualTo(adjustment == Adjustment.EPOCH_ROUNDED_TO_MICROSECOND ? 1L : 0L);
            assertThat(converter.tallies()[1].get(adjustment))
                    .as(adjustment.name())
                    .isZero();
        }
    }
}
