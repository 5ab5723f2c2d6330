package dev.lite2pg.batch;

import dev.lite2pg.postgres.Sequences;
import dev.lite2pg.report.SequenceCheck;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Moves every serial and identity sequence past the copied ids and SQLite's AUTOINCREMENT marks. */
final class SequencesTasklet implements Tasklet {

    private final CutoverRun run;

    SequencesTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext planned = chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getExecutionContext();
        List<SequenceCheck> checks =
                new Sequences(run.target).advance(PlanTasklet.longs(planned, PlanTasklet.HIGH_WATER_KEY));
        run.say("sequences", checks.size() + " sequence(s) moved past the copied ids");
        return RepeatStatus.FINISHED;
    }
}
