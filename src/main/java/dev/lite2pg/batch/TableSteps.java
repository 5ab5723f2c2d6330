package dev.lite2pg.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A table's copy steps over all executions of a run: one for a table copied whole, one per rowid range of a table
 * cut into ranges. Whatever is reported per table (rows, tallies, time, status) adds up or combines its partitions'.
 */
final class TableSteps {

    private TableSteps() {}

    /**
     * The last execution of each partition's step (a partition finished by one execution is not run by a later one),
     * grouped by target table in the order first seen, each table's in range order.
     */
    static Map<String, List<StepExecution>> lastByTable(Collection<JobExecution> executions) {
        Map<String, StepExecution> last = new LinkedHashMap<>();
        for (JobExecution execution : executions) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (CopySteps.isTable(step)) {
                    last.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        Map<String, List<StepExecution>> byTable = new LinkedHashMap<>();
        for (StepExecution step : last.values()) {
            byTable.computeIfAbsent(CopySteps.table(step), t -> new ArrayList<>())
                    .add(step);
        }
        byTable.values()
                .forEach(steps -> steps.sort(
                        Comparator.comparingInt(s -> s.getExecutionContext().getInt(CopyPartitioner.RANGE, 0))));
        return byTable;
    }

    /**
     * The partitions' saved contexts as one table's: every count (a {@code Long}) summed, anything else as the first
     * partition saved it. What a step reads per table (rows read, quarantined, tallies, mixed-column counts) then reads
     * the same whether the table was copied whole or in ranges. Not for what each partition holds whole (its bounds, the
     * table's source row count): a summed bound means nothing.
     */
    static ExecutionContext summed(List<StepExecution> steps) {
        ExecutionContext table = new ExecutionContext();
        for (StepExecution step : steps) {
            for (Map.Entry<String, Object> entry : step.getExecutionContext().entrySet()) {
                if (entry.getValue() instanceof Long count) {
                    table.putLong(entry.getKey(), table.getLong(entry.getKey(), 0L) + count);
                } else if (!table.containsKey(entry.getKey())) {
                    table.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return table;
    }

    /** A count the partitions keep in their contexts, summed. */
    static long sum(List<StepExecution> steps, String key) {
        return steps.stream()
                .mapToLong(s -> s.getExecutionContext().getLong(key, 0L))
                .sum();
    }

    /**
     * Time spent copying the table over every execution of the run, summed over its partitions: thread time, so a
     * table whose ranges were copied side by side reports more than the wall-clock time it took, and its rate is
     * comparable with a table copied whole.
     */
    static long millis(Collection<JobExecution> executions, String table) {
        long millis = 0;
        for (JobExecution execution : executions) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (CopySteps.isTable(step)
                        && table.equals(CopySteps.table(step))
                        && step.getStartTime() != null
                        && step.getEndTime() != null) {
                    millis += Duration.between(step.getStartTime(), step.getEndTime())
                            .toMillis();
                }
            }
        }
        return millis;
    }
}
