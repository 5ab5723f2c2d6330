package dev.lite2pg.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.postgres.ContentChecksums.Difference;
import dev.lite2pg.report.ContentCheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentCheckTest {

    @Test
    void namesRowsByTheSourcePrimaryKeyUnderItsTargetNamesInKeyOrder() {
        TableCopy copy = copy(
                List.of(
                        new SourceColumn("LineNo", "INTEGER", true, 2),
                        new SourceColumn("Body", "TEXT", false, 0),
                        new SourceColumn("OrderId", "INTEGER", true, 1)),
                List.of("LineNo", "Body", "OrderId"));

        assertThat(ContentCheck.keyColumns(copy)).containsExactly("order_id", "line_no");
    }

    @Test
    void namesRowsByTheirValuesWhenThereIsNoPrimaryKeyOrPartOfItIsNotCopied() {
        List<SourceColumn> noKey =
                List.of(new SourceColumn("OrderId", "INTEGER", false, 0), new SourceColumn("Body", "TEXT", false, 0));
        List<SourceColumn> keyNotCopied =
                List.of(new SourceColumn("OrderId", "INTEGER", true, 1), new SourceColumn("Body", "TEXT", false, 0));

        assertThat(ContentCheck.keyColumns(copy(noKey, List.of("OrderId", "Body"))))
                .isEmpty();
        assertThat(ContentCheck.keyColumns(copy(keyNotCopied, List.of("Body")))).isEmpty();
    }

    @Test
    void saysHowEachRowDiffers() {
        assertThat(ContentCheck.describe(new Difference("id=2", 1, 1))).isEqualTo("id=2: values differ");
        assertThat(ContentCheck.describe(new Difference("id=2", 1, 1, List.of("price", "doc"))))
                .isEqualTo("id=2: values differ in price, doc");
        assertThat(ContentCheck.describe(new Difference("id=3", 1, 0))).isEqualTo("id=3: missing from the target");
        assertThat(ContentCheck.describe(new Difference("row (1,a)", 0, 1)))
                .isEqualTo("row (1,a): extra in the target");
        assertThat(ContentCheck.describe(new Difference("row (1,a)", 3, 0)))
                .isEqualTo("row (1,a): missing from the target (3 rows)");
    }

    @Test
    void onlyAMismatchIsAProblemAndItNamesBothChecksumsAndTheRows() {
        ContentCheckResult same = new ContentCheckResult("t", 2, 2, "ab", "ab", true, List.of());
        ContentCheckResult differs = new ContentCheckResult(
                "t", 2, 2, "ab", "cd", false, List.of("id=1: values differ", "id=9: extra in the target"));

        assertThat(ContentCheck.problem(same)).isEmpty();
        assertThat(ContentCheck.problem(differs))
                .hasValue("table t: content differs from the source (checksum ab over 2 source rows,"
                        + " cd over 2 target rows); first differences: id=1: values differ; id=9: extra in the target");
    }

    private static TableCopy copy(List<SourceColumn> columns, List<String> copied) {
        List<String> targets = copied.stream()
                .map(c -> c.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase())
                .toList();
        return new TableCopy(
                0,
                new SourceTable("Lines", columns, false, List.of()),
                "public",
                "lines",
                copied,
                targets,
                copied.stream().map(c -> "text").toList(),
                new ValueConverter[copied.size()],
                new boolean[copied.size()]);
    }
}
