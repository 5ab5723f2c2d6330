package dev.lite2pg.batch;

import dev.lite2pg.copy.RangePlanner;
import dev.lite2pg.copy.RangePlanner.Range;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.sqlite.RowidRange;
import dev.lite2pg.sqlite.SqliteSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per table, or per rowid range of a table too large for one thread (see {@link RangePlanner}), so each
 * is its own step execution: Spring Batch then skips finished ones on a restart and resumes an unfinished one from its
 * saved position, within its saved bounds.
 *
 * <p>The ranges are a function of the run's snapshot, which never changes, and of the grid size, which Spring Batch
 * saves in the manager step's context on the first start and passes again on every restart whatever {@code --parallel}
 * says then: a resumed run cuts exactly the same ranges, under the same step names.
 */
final class CopyPartitioner implements Partitioner {

    static final String TABLE = "copy.table";
    static final String ORDER = "copy.order";
    static final String SOURCE_TABLE = "copy.sourceTable";
    /** Rows the table must end with, counted in the run's snapshot: {@code status} needs no source file to show it. */
    static final String SOURCE_ROWS = "copy.sourceRows";
    /** Rows the partition is expected to hold, for the order in which partitions start. */
    static final String PARTITION_ROWS = "copy.partitionRows";
    /** The range's number among the table's ranges, from 1; absent for a table copied whole. */
    static final String RANGE = "copy.range";
    /** How many ranges the table is cut into. */
    static final String RANGES = "copy.ranges";
    /** The range starts after this rowid; absent from the table's first row. */
    static final String RANGE_AFTER = "copy.rangeAfter";
    /** The range ends with this rowid; absent to the table's last row. */
    static final String RANGE_UP_TO = "copy.rangeUpTo";

    private final CutoverRun run;

    CopyPartitioner(CutoverRun run) {
        this.run = run;
    }

    /** @param gridSize the copy's parallelism when the run first started */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<TableCopy> copies = run.plan.built().copies();
        List<RangePlanner.TableSize> sizes = new ArrayList<>();
        Map<String, TableCopy> byTable = new LinkedHashMap<>();
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            for (TableCopy copy : copies) {
                long[] bounds = RowidRange.bounds(source.connection(), copy.source());
                sizes.add(new RangePlanner.TableSize(
                        copy.targetTable(),
                        source.rowCount(copy.source().name()),
                        bounds == null ? null : bounds[0],
                        bounds == null ? null : bounds[1]));
                byTable.put(copy.targetTable(), copy);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the rowid bounds of the snapshot's tables: " + e.getMessage(), e);
        }
        Map<String, Long> tableRows = new LinkedHashMap<>();
        sizes.forEach(s -> tableRows.put(s.table(), s.rows()));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Range range : RangePlanner.plan(sizes, gridSize)) {
            TableCopy copy = byTable.get(range.table());
            ExecutionContext context = new ExecutionContext();
            context.putString(TABLE, copy.targetTable());
            context.putString(SOURCE_TABLE, copy.source().name());
            context.putInt(ORDER, copy.order());
            context.putLong(SOURCE_ROWS, tableRows.get(range.table()));
            context.putLong(PARTITION_ROWS, range.rows());
            if (!range.whole()) {
                context.putInt(RANGE, range.index());
                context.putInt(RANGES, range.count());
                if (range.after() != null) {
                    context.putLong(RANGE_AFTER, range.after());
                }
                if (range.upTo() != null) {
                    context.putLong(RANGE_UP_TO, range.upTo());
                }
            }
            partitions.put(CopySteps.partition(range), context);
        }
        return partitions;
    }
}
