package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.sqlite.SqliteSource;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Refuses to start on a damaged source. Whether the tables the job copies into are empty is checked by the scan step,
 * once the schema is built: before, which tables those are is not known yet.
 */
final class PreflightTasklet implements Tasklet {

    private final CutoverRun run;

    PreflightTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            List<String> problems = source.integrityProblems();
            if (!problems.isEmpty()) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "source " + run.sourceFile + " fails PRAGMA quick_check: "
                                + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
            }
        }
        run.say("preflight", "source " + run.sourceFile + ": quick_check ok, opened read-only");
        return RepeatStatus.FINISHED;
    }
}
