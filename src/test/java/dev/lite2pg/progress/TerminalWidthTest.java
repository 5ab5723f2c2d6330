package dev.lite2pg.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalWidthTest {

    @Test
    void columnsFromTheEnvironmentWinAndNonsenseIsIgnored() {
        assertThat(TerminalWidth.of(Map.of("COLUMNS", "132"))).isEqualTo(132);
        assertThat(TerminalWidth.parse(" 60 ")).isEqualTo(60);
        assertThat(TerminalWidth.parse("0")).isNull();
        assertThat(TerminalWidth.parse("-5")).isNull();
        assertThat(TerminalWidth.parse("wide")).isNull();
        assertThat(TerminalWidth.parse(null)).isNull();
    }
}
