package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.sqlite.IntegrityCheck;
import dev.lite2pg.sqlite.SqliteSource;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Refuses to start on a damaged source or a target that already holds application rows. */
final class PreflightTasklet implements Tasklet {

    private final CutoverRun run;

    PreflightTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IntegrityCheck check = run.job.source().integrityCheck();
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            List<String> problems = source.integrityProblems(check);
            if (!problems.isEmpty()) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "source " + run.sourceFile + " fails PRAGMA " + check.pragma() + ": "
                                + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
            }
        }
        run.say("preflight", "source " + run.sourceFile + ": " + check.pragma() + " ok, opened read-only");
        if (run.target.schemaExists()) {
            List<String> filled = run.target.tablesWithRows();
            if (!filled.isEmpty()) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "target schema " + run.target.schema()
                                + " already holds rows in " + filled.size() + " table(s): " + String.join(", ", filled)
                                + ". lite2pg copies only into empty tables, so nothing was written. Use an empty schema "
                                + "(--target-schema) or database, or empty these tables yourself if they hold nothing you need.");
            }
        }
        run.say("preflight", "target schema " + run.target.schema() + " holds no application rows");
        return RepeatStatus.FINISHED;
    }
}
