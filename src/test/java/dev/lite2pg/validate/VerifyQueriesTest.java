package dev.lite2pg.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.report.VerifyQueryResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyQueriesTest {

    @Test
    void numbersCompareByValueWhateverTheirTypeAndBooleansAsSqliteHoldsThem() throws Exception {
        assertThat(VerifyQueries.text(3, null, 1)).isEqualTo("3");
        assertThat(VerifyQueries.text(3L, null, 1)).isEqualTo("3");
        assertThat(VerifyQueries.text(new BigDecimal("3.00"), null, 1)).isEqualTo("3");
        assertThat(VerifyQueries.text(new BigDecimal("0.000"), null, 1)).isEqualTo("0");
        assertThat(VerifyQueries.text(14.5d, null, 1)).isEqualTo("14.5");
        assertThat(VerifyQueries.text(new BigDecimal("14.50"), null, 1)).isEqualTo("14.5");
        assertThat(VerifyQueries.text(1e20d, null, 1)).isEqualTo("100000000000000000000");
        assertThat(VerifyQueries.text(true, null, 1)).isEqualTo("1");
        assertThat(VerifyQueries.text(false, null, 1)).isEqualTo("0");
        assertThat(VerifyQueries.text(new byte[] {0, (byte) 0xff}, null, 1)).isEqualTo("\\x00ff");
        assertThat(VerifyQueries.text(null, null, 1)).isNull();
    }

    @Test
    void rowsCompareInAnyOrderAsAMultisetAndNullIsNotTheTextNull() {
        VerifyQueryResult same = VerifyQueries.compare(
                "q", List.of(List.of("b", "2"), List.of("a", "1")), List.of(List.of("a", "1"), List.of("b", "2")));
        assertThat(same.matches()).isTrue();

        VerifyQueryResult duplicated =
                VerifyQueries.compare("q", List.of(List.of("a"), List.of("a")), List.of(List.of("a"), List.of("b")));
        assertThat(duplicated.matches()).isFalse();
        assertThat(duplicated.firstDifferences()).containsExactly("only in SQLite: (a)", "only in PostgreSQL: (b)");

        VerifyQueryResult nulls =
                VerifyQueries.compare("q", List.of(Arrays.asList((String) null)), List.of(List.of("NULL")));
        assertThat(nulls.matches()).isFalse();
        assertThat(VerifyQueries.problem(nulls))
                .hasValue("verification query 'q' differs: SQLite returned 1 row(s), PostgreSQL 1;"
                        + " only in SQLite: (NULL); only in PostgreSQL: (NULL)");
    }
}
