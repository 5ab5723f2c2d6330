package dev.lite2pg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VerdictTest {

    @Test
    void passingVerdictsExitZeroAndAFailAsAFailedValidation() {
        assertThat(Verdict.PASS.exitCode()).isZero();
        assertThat(Verdict.PASS_WITH_WARNINGS.exitCode()).isZero();
        assertThat(Verdict.FAIL.exitCode()).isEqualTo(3);
    }

    @Test
    void problemsFailAndWarningsAloneStillPass() {
        assertThat(Verdict.of(List.of(), List.of())).isEqualTo(Verdict.PASS);
        assertThat(Verdict.of(List.of(), List.of("w"))).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(Verdict.of(List.of("p"), List.of("w"))).isEqualTo(Verdict.FAIL);
    }

    @Test
    void readsAsReportsSpellItIgnoringCaseAndSurroundingSpaceAndRefusesAnythingElse() {
        assertThat(Verdict.parse(" pass ")).isEqualTo(Verdict.PASS);
        assertThat(Verdict.parse("Pass with warnings")).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThatThrownBy(() -> Verdict.parse("PASSED")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWrittenToJsonAsItsLabel() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(Verdict.PASS_WITH_WARNINGS)).isEqualTo("\"PASS WITH WARNINGS\"");
        assertThat(json.readValue("\"PASS WITH WARNINGS\"", Verdict.class)).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(Verdict.FAIL).hasToString("FAIL");
    }
}
