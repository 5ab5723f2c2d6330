package dev.lite2pg.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    @Test
    void passingVerdictsExitZeroAndEverythingElseAsAFailedValidation() {
        assertThat(Verdicts.exitCode(RunReport.PASS)).isZero();
        assertThat(Verdicts.exitCode(Verdicts.PASS_WITH_WARNINGS)).isZero();
        assertThat(Verdicts.exitCode(RunReport.FAIL)).isEqualTo(3);
        assertThat(Verdicts.exitCode("PARTIAL")).isEqualTo(3);
        assertThat(Verdicts.exitCode(null)).isEqualTo(3);
    }

    @Test
    void toneIgnoresCaseAndSurroundingSpace() {
        assertThat(Verdicts.tone(" pass ")).isEqualTo(Verdicts.Tone.PASS);
        assertThat(Verdicts.tone("Pass with warnings")).isEqualTo(Verdicts.Tone.WARN);
        assertThat(Verdicts.tone("PASSED")).isEqualTo(Verdicts.Tone.FAIL);
    }
}
