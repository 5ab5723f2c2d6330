package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    @Test
    void livesOnlyOnAConsoleThatCanMoveTheCursor() {
        assertThat(ProgressDisplay.isLiveTerminal(true, "xterm-256color")).isTrue();
        assertThat(ProgressDisplay.isLiveTerminal(true, null)).isTrue();
        assertThat(ProgressDisplay.isLiveTerminal(true, "dumb")).isFalse();
        assertThat(ProgressDisplay.isLiveTerminal(false, "xterm-256color")).isFalse();
    }
}
