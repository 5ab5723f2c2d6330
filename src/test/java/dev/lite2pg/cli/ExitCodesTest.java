package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.RunResult;
import dev.lite2pg.catchup.CatchUp;
import dev.lite2pg.catchup.CatchUpLog;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/** How a run's outcome becomes the process's exit code, decided in one place. */
class ExitCodesTest {

    private static final Path FOLDER = Path.of("runs", "job", "run");

    @Test
    void aCompletedRunOrOneCompletedBeforeExitsZero() {
        assertThat(ExitCodes.of(result(BatchStatus.COMPLETED, List.of(), false, false), false))
                .isZero();
        assertThat(ExitCodes.of(result(BatchStatus.COMPLETED, List.of(), true, false), false))
                .isZero();
    }

    @Test
    void aCutoverWhoseSourceWasWrittenToFailsValidationButADryRunDoesNot() {
        RunResult written = result(BatchStatus.COMPLETED, List.of(), false, true);

        assertThat(ExitCodes.of(written, false)).isEqualTo(3);
        assertThat(ExitCodes.of(written, true)).isZero();
    }

    @Test
    void aLiveCutoverPassesAsOfItsSnapshotWhateverTheApplicationWroteSince() {
        RunResult live = new RunResult(
                BatchStatus.COMPLETED, List.of(), FOLDER, null, false, true, true, "the live source has changed");

        assertThat(ExitCodes.of(live, false)).isZero();
    }

    @Test
    void aCatchUpExitsZeroWhenItPassedOrHadNothingToDoAndThreeOtherwise() {
        CatchUpLog.Entry entry = new CatchUpLog.Entry(
                1,
                1,
                "job",
                Instant.EPOCH,
                Instant.EPOCH,
                "s",
                "sha",
                "src",
                "stamp",
                "base",
                "f",
                List.of(),
                "PASS",
                List.of());

        assertThat(ExitCodes.of(new CatchUp.Result(CatchUp.Outcome.UP_TO_DATE, null, null, false)))
                .isZero();
        assertThat(ExitCodes.of(new CatchUp.Result(CatchUp.Outcome.PASS, entry, FOLDER, false)))
                .isZero();
        assertThat(ExitCodes.of(new CatchUp.Result(CatchUp.Outcome.PASS, entry, FOLDER, true)))
                .as("catch-up --live: written to after its snapshot, passed as of it")
                .isZero();
        assertThat(ExitCodes.of(new CatchUp.Result(CatchUp.Outcome.FAIL, entry, FOLDER, false)))
                .isEqualTo(3);
    }

    @Test
    void aStoppedRunExitsWithTheCodeOfWhatStoppedItAndOtherwiseAsAFailedJob() {
        RunResult refused = result(
                BatchStatus.FAILED,
                List.of(new RuntimeException(
                        "step failed", new Lite2pgException(ErrorCode.PRECONDITION, "target not empty"))),
                false,
                false);

        assertThat(ExitCodes.of(refused, false)).isEqualTo(2);
        assertThat(ExitCodes.of(
                        result(BatchStatus.FAILED, List.of(new IllegalStateException("boom")), false, false), false))
                .isEqualTo(1);
        assertThat(ExitCodes.of(result(BatchStatus.STOPPED, List.of(), false, false), false))
                .isEqualTo(1);
    }

    private static RunResult result(
            BatchStatus status, List<Throwable> failures, boolean alreadyComplete, boolean sourceChanged) {
        return new RunResult(status, failures, FOLDER, null, alreadyComplete, sourceChanged);
    }
}
