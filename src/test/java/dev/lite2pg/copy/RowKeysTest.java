package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.ConverterResolver;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetType;
import dev.lite2pg.source.SourceRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowKeysTest {

    @Test
    void copiedPrimaryKeyNamesTheRowByItsValuesTextQuoted() {
        TableCopy copy = copy(
                new SourceTable(
                        "line", List.of(column("order_id", 1), column("sku", 2), column("qty", 0)), false, List.of()),
                "qty",
                "sku",
                "order_id");
        RowKeys keys = RowKeys.of(copy);

        assertThat(keys.describe(new SourceRow(new Object[] {9L}, new Object[] {3L, "AB-1", 42L})))
                .isEqualTo("order_id=42, sku='AB-1'");
        assertThat(keys.selectExpressions()).containsExactly("\"order_id\"", "\"sku\"");
    }

    @Test
    void withoutRowidTableWhosePrimaryKeyIsNotCopiedIsNamedByTheReadersKey() {
        TableCopy copy =
                copy(new SourceTable("tag", List.of(column("name", 1), column("note", 0)), true, List.of()), "note");

        assertThat(RowKeys.of(copy).describe(new SourceRow(new Object[] {"red"}, new Object[] {"x"})))
                .isEqualTo("name='red'");
    }

    @Test
    void tableWithoutCopiedPrimaryKeyIsNamedByRowidUnderAnAliasNoColumnShadows() {
        TableCopy plain = copy(new SourceTable("log", List.of(column("msg", 0)), false, List.of()), "msg");
        TableCopy shadowed = copy(new SourceTable("odd", List.of(column("rowid", 0)), false, List.of()), "rowid");

        assertThat(RowKeys.of(plain).describe(new SourceRow(new Object[] {7L}, new Object[] {"hi"})))
                .isEqualTo("rowid=7");
        assertThat(RowKeys.of(shadowed).describe(new SourceRow(new Object[] {7L}, new Object[] {"hi"})))
                .isEqualTo("_rowid_=7");
        assertThat(RowKeys.of(shadowed).selectExpressions()).containsExactly("_rowid_");
    }

    private static SourceColumn column(String name, int pkOrdinal) {
        return new SourceColumn(name, "", false, pkOrdinal);
    }

    private static TableCopy copy(SourceTable table, String... columns) {
        ValueConverter[] converters = new ValueConverter[columns.length];
        for (int i = 0; i < columns.length; i++) {
            converters[i] = ConverterResolver.resolve(TargetType.of("text"), ConversionOptions.DEFAULTS);
        }
        List<String> names = List.of(columns);
        return new TableCopy(
                0,
                table,
                "public",
                table.name(),
                names,
                names,
                names.stream().map(n -> "text").toList(),
                converters,
                new boolean[columns.length]);
    }
}
