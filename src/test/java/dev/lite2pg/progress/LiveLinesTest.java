package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveLinesTest {

    private static final String UP_AND_ERASE = "\u001B[%dA\r\u001B[J";

    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong();
    private final LiveLines display =
            new LiveLines(new PrintWriter(text), "[copy] ", Duration.ofMillis(100), clock::get, 200);

    @Test
    void drawsAtOnceThenRedrawsInPlaceAtMostEveryInterval() {
        display.update(at("customer", 100));
        later(50);
        display.update(at("customer", 200));
        later(50);
        display.update(at("customer", 300));

        assertThat(text.toString())
                .isEqualTo(
                        "[copy] customer: 100 of 1,000 rows (10%), 100 rows/s, ETA 9.0 s\n" + UP_AND_ERASE.formatted(1)
                                + "[copy] customer: 300 of 1,000 rows (30%), 300 rows/s, ETA 2.3 s\n");
    }

    @Test
    void aLineLongerThanTheTerminalIsCutSoThatTheRedrawMovesUpOverWholeLines() {
        StringWriter narrow = new StringWriter();
        LiveLines display = new LiveLines(new PrintWriter(narrow), "[copy] ", Duration.ofMillis(100), clock::get, 40);

        display.update(at("customer", 100));
        later(100);
        display.update(at("customer", 200));
        display.print("a line that stays is never redrawn, so it keeps every word it has");

        String[] rows = narrow.toString().split("\u001B\\[\\d+A\r\u001B\\[J|\n");
        assertThat(rows)
                .filteredOn(row -> row.startsWith("[copy]"))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row).hasSizeLessThan(40).endsWith("..."));
        assertThat(narrow.toString())
                .contains("[copy] customer: 200 of 1,000 rows (...\n")
                .contains("a line that stays is never redrawn, so it keeps every word it has\n");
    }

    @Test
    void oneLinePerRunningTableInTheOrderTheyStarted() {
        display.update(at("customer", 100));
        later(100);
        display.update(at("order", 500));
        later(100);
        display.update(at("customer", 200));

        String lastDraw = text.toString().substring(text.toString().lastIndexOf(UP_AND_ERASE.formatted(2)));
        assertThat(lastDraw)
                .isEqualTo(UP_AND_ERASE.formatted(2)
                        + "[copy] customer: 200 of 1,000 rows (20%), 200 rows/s, ETA 4.0 s\n"
                        + "[copy] order: 500 of 1,000 rows (50%), 500 rows/s, ETA 1.0 s\n");
    }

    @Test
    void aLineThatStaysGoesAboveTheBlockAndAFinishedTableLeavesOnlyItsFinalLine() {
        display.update(at("customer", 100));
        later(100);
        display.update(at("order", 500));
        display.print("[copy] note");
        display.finish("customer", "[copy] customer: 1000 rows");
        display.finish("order", "[copy] order: 1000 rows");

        assertThat(text.toString())
                .endsWith(UP_AND_ERASE.formatted(2) + "[copy] note\n"
                        + "[copy] customer: 100 of 1,000 rows (10%), 100 rows/s, ETA 9.0 s\n"
                        + "[copy] order: 500 of 1,000 rows (50%), 500 rows/s, ETA 1.0 s\n"
                        + UP_AND_ERASE.formatted(2) + "[copy] customer: 1000 rows\n"
                        + "[copy] order: 500 of 1,000 rows (50%), 500 rows/s, ETA 1.0 s\n"
                        + UP_AND_ERASE.formatted(1) + "[copy] order: 1000 rows\n");
    }

    private void later(long millis) {
        clock.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    private static TableStatus at(String table, long copied) {
        return new TableStatus(table, copied, 1_000, copied, Duration.ofSeconds(1));
    }
}
