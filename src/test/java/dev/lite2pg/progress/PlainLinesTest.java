package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlainLinesTest {

    private final StringWriter text = new StringWriter();
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    private final PlainLines display =
            new PlainLines(new PrintWriter(text), "[copy] ", Duration.ofSeconds(10), clock::get);

    @Test
    void atMostOneLinePerTableEveryInterval() {
        display.update(at("customer", 1_000, 3));
        display.update(at("customer", 2_000, 9_999));
        display.update(at("customer", 3_000, 10_000));
        display.update(at("customer", 4_000, 19_999));
        display.update(at("customer", 5_000, 20_000));

        assertThat(text.toString().lines())
                .containsExactly(
                        "[copy] customer: 3,000 of 10,000 rows (30%), 300 rows/s, ETA 23.3 s",
                        "[copy] customer: 5,000 of 10,000 rows (50%), 250 rows/s, ETA 20.0 s");
    }

    @Test
    void eachTableHasItsOwnInterval() {
        display.update(at("customer", 1_000, 10_000));
        display.update(at("order", 1_000, 10_000));
        display.update(at("order", 2_000, 15_000));

        assertThat(text.toString().lines())
                .hasSize(2)
                .anyMatch(l -> l.startsWith("[copy] customer:"))
                .anyMatch(l -> l.startsWith("[copy] order: 1,000 of"));
    }

    @Test
    void theFinalLineAlwaysComesAndATableStartingAgainWaitsAFullInterval() {
        display.update(at("customer", 1_000, 12_000));
        display.finish("customer", "[copy] customer: 10000 rows");
        display.update(at("customer", 1_000, 5_000));
        display.print("[copy] something that stays");

        assertThat(text.toString().lines())
                .containsExactly(
                        "[copy] customer: 1,000 of 10,000 rows (10%), 83 rows/s, ETA 1:48",
                        "[copy] customer: 10000 rows", "[copy] something that stays");
    }

    private static TableStatus at(String table, long copied, long millis) {
        return new TableStatus(table, copied, 10_000, copied, Duration.ofMillis(millis));
    }
}
