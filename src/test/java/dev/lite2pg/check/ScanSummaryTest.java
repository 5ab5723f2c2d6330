package dev.lite2pg.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.check.ScanResult.ProblemGroup;
import dev.lite2pg.check.ScanResult.TableScan;
import dev.lite2pg.copy.RowRefusal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanSummaryTest {

    private static RowRefusal nullTitle(int id) {
        return new RowRefusal(
                "book",
                "id=" + id,
                "title",
                "NULL",
                "NULL into NOT NULL column book.title",
                "NULL into NOT NULL column book.title");
    }

    private static ScanResult result() {
        List<RowRefusal> examples = new ArrayList<>();
        for (int id = 1; id <= ScanResult.EXAMPLES_PER_GROUP; id++) {
            examples.add(nullTitle(id));
        }
        RowRefusal orphan = new RowRefusal(
                "book",
                "id=8",
                "author_id",
                "INTEGER 99",
                "no author row has id = this value (foreign key book_author_fk of book)",
                "no author row has id = this value (foreign key book_author_fk of book)");
        return new ScanResult(
                List.of(new TableScan("author", "author", 2, 0, 0), new TableScan("Book", "book", 1_500, 1_234, 1_200)),
                List.of(new ProblemGroup("book", "title", nullTitle(1).kind(), 1_234, examples)),
                List.of(new ProblemGroup("book", "author_id", orphan.kind(), 1, List.of(orphan))),
                Map.of("book.book_author_fk", 1L),
                Path.of("runs/shop/20240101/bad-values.csv"),
                List.of(),
                List.of());
    }

    @Test
    void theRefusalCountsEverythingShowsCappedExamplesAndNamesTheFullList() {
        String text = ScanSummary.refusal(result(), 20, 3);

        assertThat(text)
                .startsWith("the target would refuse 1,234 values in 1,200 rows and 1 orphan reference of the source;"
                        + " nothing was written.");
        assertThat(text).contains("Every one of them: " + Path.of("runs/shop/20240101/bad-values.csv"));
        assertThat(text)
                .contains(
                        "\n  - book.title: 1,234 values: NULL into NOT NULL column book.title\n"
                                + "      book id=1, column title: NULL: NULL into NOT NULL column book.title\n"
                                + "      book id=2, column title: NULL: NULL into NOT NULL column book.title\n"
                                + "      book id=3, column title: NULL: NULL into NOT NULL column book.title\n"
                                + "      ... and 1,231 more\n"
                                + "  - book.author_id: 1 value: no author row has id = this value (foreign key book_author_fk of book)\n"
                                + "      book id=8, column author_id: INTEGER 99: no author row has id = this value (foreign key book_author_fk of book)");
        assertThat(text).doesNotContain("id=4,");
    }

    @Test
    void groupsBeyondTheCapAreCountedNotShown() {
        List<String> lines = ScanSummary.problemLines(result(), 1, 1);

        assertThat(lines)
                .containsExactly(
                        "  - book.title: 1,234 values: NULL into NOT NULL column book.title",
                        "      book id=1, column title: NULL: NULL into NOT NULL column book.title",
                        "      ... and 1,233 more",
                        "  ... and 1 value in 1 more column or reason");
    }

    @Test
    void tableLinesNameBothSidesWhenTheyDiffer() {
        assertThat(ScanSummary.tableLines(result()))
                .containsExactly(
                        "author: 2 rows, no bad value", "Book -> book: 1,500 rows, 1,234 bad values in 1,200 rows");
    }
}
