package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.progress.Activity;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the secondary indexes and adds back the foreign keys the plan step deferred; PostgreSQL validates every
 * copied row while adding a key. Runs on every start: a resume after a crash here builds only what is missing.
 */
final class RebuildConstraintsTasklet implements Tasklet {

    /** Per transaction, no superuser needed: index sorts and key validation in memory rather than on disk. */
    static final String MAINTENANCE_MEMORY = "256MB";

    /** Milliseconds the last ANALYZE of the copied tables took, in the job's context for the report. */
    static final String ANALYZE_MILLIS_KEY = "analyze.millis";

    private final CutoverRun run;
    private final ForeignKeyDeferral foreignKeys;
    private final IndexDeferral indexes;

    RebuildConstraintsTasklet(CutoverRun run, ForeignKeyDeferral foreignKeys, IndexDeferral indexes) {
        this.run = run;
        this.foreignKeys = foreignKeys;
        this.indexes = indexes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution jobExecution =
                chunkContext.getStepContext().getStepExecution().getJobExecution();
        run.target.useMaintenanceMemory(MAINTENANCE_MEMORY);
        AtomicReference<String> doing = new AtomicReference<>("[constraints] building the secondary indexes");
        long started;
        long indexesDone;
        long keysDone;
        long analyzed;
        List<String> built;
        List<String> restored;
        List<String> tables;
        // Each index build and each VALIDATE is one statement that can run for minutes on a large table.
        try (Activity working = Activity.start(run.progress, "constraints", doing::get)) {
            started = System.nanoTime();
            built = indexes.rebuild(jobExecution);
            indexesDone = System.nanoTime();
            doing.set("[constraints] re-adding and validating the foreign keys");
            restored = foreignKeys.restore(jobExecution);
            keysDone = System.nanoTime();
            // After the copy and the indexes, before validation: autovacuum would analyze the tables some time later,
            // and the application's first queries after go-live would be planned without statistics until then.
            tables = run.plan.built().copies().stream()
                    .map(TableCopy::targetTable)
                    .toList();
            doing.set("[constraints] ANALYZE of " + tables.size() + " copied table(s)");
            run.target.analyze(tables);
            analyzed = System.nanoTime();
        }
        jobExecution.getExecutionContext().putLong(ANALYZE_MILLIS_KEY, (analyzed - keysDone) / 1_000_000);
        if (!built.isEmpty()) {
            run.say(
                    "constraints",
                    built.size() + " secondary index(es) built in " + seconds(indexesDone - started) + ": "
                            + String.join(", ", built));
        }
        if (!restored.isEmpty()) {
            run.say(
                    "constraints",
                    restored.size() + " foreign key(s) re-added and validated in " + seconds(keysDone - indexesDone)
                            + ": " + String.join(", ", restored));
        }
        run.say("constraints", "ANALYZE of " + tables.size() + " copied table(s) in " + seconds(analyzed - keysDone));
        return RepeatStatus.FINISHED;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
