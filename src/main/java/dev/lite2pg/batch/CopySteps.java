package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import org.springframework.batch.core.step.StepExecution;

/**
 * The names of the copy's steps, for everything that starts or reads them: the partition manager {@code copy}, and one
 * step per table, {@code copy:<target table>}, which is also what {@code status} shows a run stopped in.
 */
final class CopySteps {

    /** The partition manager's step. */
    static final String MANAGER = "copy";

    private static final String TABLE_PREFIX = MANAGER + ":";

    private CopySteps() {}

    static String of(TableCopy copy) {
        return TABLE_PREFIX + copy.targetTable();
    }

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
