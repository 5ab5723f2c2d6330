package dev.lite2pg.batch;

import dev.lite2pg.postgres.SchemaMigrator;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Runs the job's Flyway migrations against the target schema. */
final class SchemaTasklet implements Tasklet {

    private final CutoverRun run;

    SchemaTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        run.say(
                "schema",
                "Flyway " + String.join(", ", run.job.schemaLocations()) + ": "
                        + SchemaMigrator.migrate(
                                run.dataSource, run.job.target().schema(), run.job.schemaLocations()));
        return RepeatStatus.FINISHED;
    }
}
