package dev.lite2pg.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import dev.lite2pg.source.SourceRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The copy's running checksum without a database: only rows whose COPY succeeded count, it resumes from what was
 * saved, and a step resumed from a state saved without a checksum keeps none rather than a partial one.
 */
class CopiedChecksumTest {

    /** A type as the catalog gives it: its name as format_type prints it, and its base name. */
    private static TargetType type(String sqlName, String baseName) {
        return new TargetType(sqlName, baseName, -1, -1, -1, false, false, null);
    }

    private static TableCopy plan(String sourceType, TargetType targetType) {
        SourceTable source = new SourceTable(
                "note",
                List.of(new SourceColumn("id", "INTEGER", false, 1), new SourceColumn("v", sourceType, false, 0)),
                false,
                List.of());
        TargetTable target = new TargetTable(
                "note",
                List.of(
                        new TargetColumn("id", type("integer", "int4"), true, false, false),
                        new TargetColumn("v", targetType, false, false, false)),
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

    private static void encode(CopiedChecksum checksum, RowConverter converter, int row, Object... values) {
        assertThat(converter.convert(new SourceRow(new Object[] {values[0]}, values), bad -> {}))
                .isZero();
        checksum.encoded(row, converter);
    }

    @Test
    void onlyRowsOfACopyThatSucceededCountAndTheSumIsTheRowHashesOfTheConvertedValues() {
        TableCopy copy = plan("JSON", type("jsonb", "jsonb"));
        CopiedChecksum checksum = new CopiedChecksum(copy);
        RowConverter converter = new RowConverter(copy);
        encode(checksum, converter, 0, 1L, "{\"b\": 1, \"a\": 2}");
        encode(checksum, converter, 1, 2L, "[1.0]");
        encode(checksum, converter, 2, 3L, null);

        checksum.stored(0, 2);

        RowHash hash = RowHash.forTypes(List.of("integer", "jsonb")).orElseThrow();
        long expected = hash.of(new String[] {"1", "{\"a\":2,\"b\":1}"}) + hash.of(new String[] {"2", "[1.0]"});
        assertThat(checksum.active()).isTrue();
        assertThat(checksum.rows()).isEqualTo(2);
        assertThat(checksum.sum()).isEqualTo(expected);
    }

    @Test
    void aResumedStepStartsFromItsSavedSumAndOneSavedWithoutAChecksumKeepsNone() {
        TableCopy copy = plan("TEXT", type("text", "text"));
        CopiedChecksum resumed = new CopiedChecksum(copy);
        resumed.restore(true, 5, 42, true);
        assertThat(resumed.rows()).isEqualTo(5);
        assertThat(resumed.sum()).isEqualTo(42);
        assertThat(resumed.active()).isTrue();

        CopiedChecksum older = new CopiedChecksum(copy);
        older.restore(false, 0, 0, true);
        assertThat(older.active()).isFalse();

        CopiedChecksum fresh = new CopiedChecksum(copy);
        fresh.restore(false, 0, 0, false);
        assertThat(fresh.active()).isTrue();
        assertThat(fresh.rows()).isZero();
    }

    @Test
    void aColumnTypeWithoutACanonicalFormKeepsNoChecksum() {
        assertThat(new CopiedChecksum(plan("TEXT", type("interval", "interval"))).active())
                .isFalse();
    }
}
