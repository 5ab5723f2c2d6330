package dev.lite2pg.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;

/** Adds back the foreign keys dropped to break cycles; PostgreSQL validates every copied row while adding them. */
final class RestoreForeignKeysTasklet implements Tasklet {

    private final CutoverRun run;
    private final CycleBreaker cycles;

    RestoreForeignKeysTasklet(CutoverRun run, CycleBreaker cycles) {
        this.run = run;
        this.cycles = cycles;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<String> restored = cycles.restore(chunkContext.getStepContext().getStepExecution().getJobExecution());
        if (!restored.isEmpty()) {
            run.say("constraints", "re-added and validated: " + String.join(", ", restored));
        }
        return RepeatStatus.FINISHED;
    }
}
