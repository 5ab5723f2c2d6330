package dev.lite2pg.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Runs the partitions (tables, and rowid ranges of the large ones) on up to {@code parallelism} threads. The plan
 * step deferred every foreign key, so no partition waits for another; the largest start first so that the last one to
 * finish is a small one. Once a partition fails no further one starts, and those not reached are marked FAILED rather
 * than left STARTING, which Spring Batch would refuse to restart.
 */
final class OrderedPartitionHandler implements PartitionHandler {

    /** The step that copies a partition. */
    interface PartitionSteps {

        /** Called once, before the first partition starts, with every partition this execution runs, in order. */
        default void starting(List<StepExecution> partitions) {}

        /** The partition did not run: another failed first, or its step could not start. */
        default void notRun(StepExecution partition) {}

        Step stepFor(StepExecution partition);
    }

    private final JobRepository repository;
    private final PartitionSteps steps;
    private final int parallelism;

    OrderedPartitionHandler(JobRepository repository, PartitionSteps steps, int parallelism) {
        this.repository = repository;
        this.steps = steps;
        this.parallelism = parallelism;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        // The grid size is the partitioner's parallelism; Spring Batch keeps the first start's on every restart.
        List<StepExecution> partitions = new ArrayList<>(splitter.split(manager, Math.max(1, parallelism)));
        partitions.sort(Comparator.comparingLong(OrderedPartitionHandler::expectedRows)
                .reversed()
                .thenComparingInt(e -> e.getExecutionContext().getInt(CopyPartitioner.ORDER))
                .thenComparingInt(e -> e.getExecutionContext().getInt(CopyPartitioner.RANGE, 0)));
        steps.starting(List.copyOf(partitions));
        AtomicReference<String> failedFirst = new AtomicReference<>();
        ExecutorService threads =
                Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, partitions.size())), runnable -> {
                    Thread thread = new Thread(runnable, "lite2pg-copy");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (StepExecution partition : partitions) {
                running.add(threads.submit(() -> {
                    copy(partition, failedFirst);
                    return null;
                }));
            }
            for (Future<?> table : running) {
                try {
                    table.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return partitions;
    }

    /** Runs started before tables were cut into ranges hold only the table's rows. */
    private static long expectedRows(StepExecution partition) {
        ExecutionContext context = partition.getExecutionContext();
        return context.getLong(CopyPartitioner.PARTITION_ROWS, context.getLong(CopyPartitioner.SOURCE_ROWS, 0L));
    }

    private void copy(StepExecution partition, AtomicReference<String> failedFirst) throws JobInterruptedException {
        String failed = failedFirst.get();
        if (failed != null) {
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(
                    new ExitStatus(RunHistory.NOT_STARTED, "not started: copying " + failed + " failed first"));
            repository.update(partition);
            steps.notRun(partition);
            return;
        }
        try {
            steps.stepFor(partition).execute(partition);
        } catch (RuntimeException e) {
            // The step could not even start: record that on the partition so a restart can pick it up.
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
            partition.addFailureException(e);
            partition.setEndTime(java.time.LocalDateTime.now());
            repository.update(partition);
            steps.notRun(partition);
        }
        if (partition.getStatus() != BatchStatus.COMPLETED) {
            failedFirst.compareAndSet(null, CopySteps.partitionOf(partition));
        }
    }
}
