package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.sqlite.SqliteSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per table, so each table is its own step execution: Spring Batch then skips finished tables on a
 * restart and resumes an unfinished one from its saved position.
 */
final class CopyPartitioner implements Partitioner {

    static final String TABLE = "copy.table";
    static final String ORDER = "copy.order";
    static final String SOURCE_TABLE = "copy.sourceTable";
    /** Rows the table must end with, counted in the run's snapshot: {@code status} needs no source file to show it. */
    static final String SOURCE_ROWS = "copy.sourceRows";

    private final CutoverRun run;

    CopyPartitioner(CutoverRun run) {
        this.run = run;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            for (TableCopy copy : run.plan.built().copies()) {
                ExecutionContext context = new ExecutionContext();
                context.putString(TABLE, copy.targetTable());
                context.putString(SOURCE_TABLE, copy.source().name());
                context.putInt(ORDER, copy.order());
                context.putLong(SOURCE_ROWS, source.rowCount(copy.source().name()));
                partitions.put(copy.targetTable(), context);
            }
        }
        return partitions;
    }
}
