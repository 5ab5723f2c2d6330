package dev.lite2pg.batch;

import dev.lite2pg.copy.RangePlanner.Range;
import dev.lite2pg.copy.TableCopy;
import org.springframework.batch.core.step.StepExecution;

/**
 * The names of the copy's steps, for everything that starts or reads them: the partition manager {@code copy}, and one
 * step per partition, which is also what {@code status} shows a run stopped in: {@code copy:<target table>} for a
 * table copied whole, {@code copy:<target table>#<range>/<ranges>} for each rowid range of a table cut into ranges.
 * Whatever is kept per table reads the table from the partition's context ({@link #table}), never from the name.
 */
final class CopySteps {

    /** The partition manager's step. */
    static final String MANAGER = "copy";

    private static final String TABLE_PREFIX = MANAGER + ":";

    private CopySteps() {}

    /** The step of a table copied whole. */
    static String of(TableCopy copy) {
        return TABLE_PREFIX + copy.targetTable();
    }

    /** The partition's name; Spring Batch names its step {@code copy:<name>}. */
    static String partition(Range range) {
        return range.whole() ? range.table() : range(range.table(), range.index(), range.count());
    }

    /** The step of range {@code index} of the {@code count} a table is cut into. */
    static String rangeStep(String table, int index, int count) {
        return TABLE_PREFIX + range(table, index, count);
    }

    private static String range(String table, int index, int count) {
        return table + "#" + index + "/" + count;
    }

    /** The partition's name in a step name: what the fault tests address a range by. */
    static String partitionOf(StepExecution step) {
        return step.getStepName().substring(TABLE_PREFIX.length());
    }

    /** A table's step, or one of its ranges'. */
    static boolean isTable(StepExecution step) {
        return step.getStepName().startsWith(TABLE_PREFIX);
    }

    /** The manager or a table's step. */
    static boolean isCopy(StepExecution step) {
        return step.getStepName().equals(MANAGER) || isTable(step);
    }

    /** The target table a table's step copies, as its partition recorded it. */
    static String table(StepExecution step) {
        return step.getExecutionContext().getString(CopyPartitioner.TABLE);
    }
}
