package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.jobfile.BadRowPolicy;
import org.junit.jupiter.api.Test;

class RunModeTest {

    @Test
    void aCutoverQuarantinesOnlyWhenItsJobSaysSoAndNeverFailsOnRowsItSetAside() {
        assertThat(RunMode.cutover(BadRowPolicy.QUARANTINE).quarantines()).isTrue();
        assertThat(RunMode.cutover(BadRowPolicy.FAIL).quarantines()).isFalse();
        assertThat(RunMode.cutover(BadRowPolicy.FAIL).setAsideRowsFail()).isFalse();
        assertThat(RunMode.cutover(BadRowPolicy.FAIL).rehearsal()).isFalse();
    }

    @Test
    void aDryRunQuarantinesAndFailsOnSetAsideRowsWhenTheCutoverItRehearsesWouldStopOnThem() {
        RunMode failing = RunMode.dryRun(BadRowPolicy.QUARANTINE, BadRowPolicy.FAIL);
        RunMode quarantining = RunMode.dryRun(BadRowPolicy.QUARANTINE, BadRowPolicy.QUARANTINE);

        assertThat(failing.rehearsal()).isTrue();
        assertThat(failing.quarantines()).isTrue();
        assertThat(failing.setAsideRowsFail()).isTrue();
        assertThat(quarantining.setAsideRowsFail()).isFalse();
    }
}
