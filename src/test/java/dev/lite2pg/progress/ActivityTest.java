package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ActivityTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void inALogALongStepGetsALineEveryIntervalWithWhatItIsDoingAndTheTimeSoFarAndAShortOneNone() {
        PlainLines log = new PlainLines(new PrintWriter(text), "", Duration.ofSeconds(10), clock::get);
        AtomicReference<String> doing = new AtomicReference<>("[constraints] building the secondary indexes");

        try (Activity quick = new Activity(log, "quick", () -> "[validate] tiny", clock::get, false)) {
            seconds(3);
            quick.tick();
        }
        Activity slow = new Activity(log, "constraints", doing::get, clock::get, false);
        for (int second = 1; second <= 12; second++) {
            seconds(1);
            slow.tick();
        }
        doing.set("[constraints] re-adding and validating the foreign keys");
        for (int second = 13; second <= 21; second++) {
            seconds(1);
            slow.tick();
        }
        slow.close();

        assertThat(text.toString())
                .isEqualTo("[constraints] building the secondary indexes, 10.0 s so far\n"
                        + "[constraints] re-adding and validating the foreign keys, 20.0 s so far\n");
    }

    @Test
    void onATerminalItIsShownAtOnceRedrawnInPlaceAndGoneWhenDone() {
        LiveLines terminal = new LiveLines(new PrintWriter(text), "", Duration.ZERO, clock::get, 120);

        Activity snapshot = new Activity(terminal, "snapshot", () -> "[snapshot] app.sqlite", clock::get, false);
        seconds(2);
        snapshot.tick();
        snapshot.close();
        terminal.print("[snapshot] done");

        assertThat(text.toString())
                .isEqualTo("[snapshot] app.sqlite, 0.0 s so far\n"
                        + "\u001B[1A\r\u001B[J[snapshot] app.sqlite, 2.0 s so far\n"
                        + "\u001B[1A\r\u001B[J"
                        + "[snapshot] done\n");
    }

    @Test
    void theTimerKeepsTheLineUpToDateWithoutTheStepCallingIt() throws Exception {
        LiveLines terminal = new LiveLines(new PrintWriter(text), "", Duration.ZERO, System::nanoTime, 120);

        try (Activity working = Activity.start(terminal, "check", () -> "[check] at work")) {
            Thread.sleep(2_300);
        }

        assertThat(text.toString()).contains("[check] at work, 1.").contains("[check] at work, 2.");
    }

    private void seconds(long n) {
        clock.addAndGet(n * 1_000_000_000L);
    }
}
