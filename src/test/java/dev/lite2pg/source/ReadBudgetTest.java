package dev.lite2pg.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadBudgetTest {

    private static final long MIB = 1 << 20;

    @Test
    void givesAValueA24thOfTheHeapAndThePagesOfAllReadersA16th() {
        ReadBudget budget = ReadBudget.forHeap(384 * MIB, 2);
        assertThat(budget.valueBytes()).isEqualTo(16 * MIB);
        assertThat(budget.pageBytes()).isEqualTo(12 * MIB);
        assertThat(ReadBudget.forHeap(384 * MIB, 8).pageBytes()).isEqualTo(3 * MIB);
    }

    @Test
    void neverMakesAPageSmallerThanOneMebibyte() {
        assertThat(ReadBudget.forHeap(64 * MIB, 64).pageBytes()).isEqualTo(MIB);
    }

    @Test
    void tellsWhatHeapAValueNeeds() {
        // 80 MiB a value: 24 times that.
        assertThat(ReadBudget.forHeap(384 * MIB, 2).oversizedReason(80 * MIB))
                .isEqualTo(
                        "value of 83,886,080 bytes is larger than the 16,777,216 bytes a value may have with this heap"
                                + " (a 24th of it); run with a larger heap (LITE2PG_JAVA_OPTS=-Xmx1920m or more) or make the value"
                                + " smaller in the source");
    }
}
