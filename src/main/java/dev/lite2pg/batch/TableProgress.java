package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.source.sqlite.SqliteSource;
import dev.lite2pg.source.sqlite.SqliteTableReader;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Tells the operator where each table starts from and how it ended. */
final class TableProgress implements StepExecutionListener {

    private final CutoverRun run;
    private final TableCopy copy;

    TableProgress(CutoverRun run, TableCopy copy) {
        this.run = run;
        this.copy = copy;
    }

    @Override
    public void beforeStep(StepExecution execution) {
        long committed = execution.getExecutionContext().getLong(SqliteTableReader.ROWS_KEY, 0L);
        if (committed > 0) {
            long total = execution.getExecutionContext().getLong(CopyPartitioner.SOURCE_ROWS, -1L);
            if (total < 0) {
                try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
                    total = source.rowCount(copy.source().name());
                }
            }
            run.say("copy", String.format("%s: %,d of %,d rows already copied, resuming", copy.targetTable(), committed, total));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution execution) {
        // The saved context holds what is committed, not what the failed chunk had read.
        String name = copy.source().name().equals(copy.targetTable()) ? copy.targetTable() : copy.source().name() + " -> " + copy.targetTable();
        long total = execution.getExecutionContext().getLong(SqliteTableReader.ROWS_KEY, 0L);
        if (execution.getStatus().isUnsuccessful()) {
            run.say("copy", name + ": FAILED after " + total + " rows committed; re-run the same command to resume");
        } else {
            run.say("copy", name + ": " + total + " rows (" + execution.getWriteCount() + " in this run)");
        }
        return execution.getExitStatus();
    }
}
