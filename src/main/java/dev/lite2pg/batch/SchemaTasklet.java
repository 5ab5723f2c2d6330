package dev.lite2pg.batch;

import dev.lite2pg.jobfile.SchemaSpec;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.SchemaMigrator;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs the job's Flyway migrations against the target schema; with {@code schema.migrate: false} only makes sure the
 * schema another tool built is there, and leaves it as it is.
 */
final class SchemaTasklet implements Tasklet {

    private final CutoverRun run;

    SchemaTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        SchemaSpec schema = run.job.schema();
        if (!schema.migrate()) {
            if (!run.target.schemaExists()) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "the job says the target schema is already there (schema.migrate: false), but schema "
                                + run.target.schema() + " does not exist; nothing was written. Build it first with"
                                + " the application's own migrations (e.g. alembic upgrade head), or give"
                                + " schema.locations to let Flyway build it.");
            }
            run.say(
                    "schema",
                    "schema " + run.target.schema() + " used as it is (schema.migrate: false): no migration run");
            return RepeatStatus.FINISHED;
        }
        if (schema.baselineVersion().isEmpty() && run.target.builtWithoutFlyway()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "schema " + run.target.schema() + " holds tables but no Flyway history ("
                            + SchemaMigrator.HISTORY_TABLE + "): another tool built it, and the migrations in "
                            + String.join(", ", schema.locations()) + " would be applied over it; nothing was"
                            + " written. If that schema is the one to copy into, say so in the job file: schema.migrate:"
                            + " false (use it as it is), or schema.baseline-version: \"<n>\" (it stands for migration"
                            + " version n; only newer ones run). Else use an empty schema (--target-schema).");
        }
        run.say(
                "schema",
                "Flyway " + String.join(", ", schema.locations())
                        + schema.baselineVersion()
                                .map(v -> " (a schema without Flyway history is baselined at version " + v + ")")
                                .orElse("")
                        + ": "
                        + SchemaMigrator.migrate(
                                run.dataSource, run.target.schema(), schema.locations(), schema.baselineVersion()));
        return RepeatStatus.FINISHED;
    }
}
