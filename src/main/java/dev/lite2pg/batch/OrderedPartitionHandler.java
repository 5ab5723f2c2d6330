package dev.lite2pg.batch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the table partitions one after another in foreign-key order (Spring Batch's own handler gives no order),
 * and stops at the first table that fails. Tables not reached are marked FAILED rather than left STARTING, which
 * Spring Batch would refuse to restart.
 */
final class OrderedPartitionHandler implements PartitionHandler {

    private final JobRepository repository;
    private final Function<String, Step> stepForTable;

    OrderedPartitionHandler(JobRepository repository, Function<String, Step> stepForTable) {
        this.repository = repository;
        this.stepForTable = stepForTable;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<StepExecution> partitions = new ArrayList<>(splitter.split(manager, 1));
        partitions.sort(Comparator.comparingInt(e -> e.getExecutionContext().getInt(CopyPartitioner.ORDER)));
        String failedTable = null;
        for (StepExecution partition : partitions) {
            String table = partition.getExecutionContext().getString(CopyPartitioner.TABLE);
            if (failedTable != null) {
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(new ExitStatus("NOT_STARTED", "not started: copying " + failedTable + " failed first"));
                repository.update(partition);
                continue;
            }
            try {
                stepForTable.apply(table).execute(partition);
            } catch (RuntimeException e) {
                // The step could not even start: record that on the partition so a restart can pick it up.
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
                partition.addFailureException(e);
                partition.setEndTime(java.time.LocalDateTime.now());
                repository.update(partition);
            }
            if (partition.getStatus() != BatchStatus.COMPLETED) {
                failedTable = table;
            }
        }
        return partitions;
    }
}
