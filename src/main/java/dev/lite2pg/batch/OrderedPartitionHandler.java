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
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the table partitions on up to {@code parallelism} threads. The plan step deferred every foreign key, so no
 * table waits for another; the largest tables start first so that the last one to finish is a small one. Once a
 * table fails no further table starts, and those not reached are marked FAILED rather than left STARTING, which
 * Spring Batch would refuse to restart.
 */
final class OrderedPartitionHandler implements PartitionHandler {

    private final JobRepository repository;
    private final Function<String, Step> stepForTable;
    private final int parallelism;

    OrderedPartitionHandler(JobRepository repository, Function<String, Step> stepForTable, int parallelism) {
        this.repository = repository;
        this.stepForTable = stepForTable;
        this.parallelism = parallelism;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<StepExecution> partitions = new ArrayList<>(splitter.split(manager, 1));
        partitions.sort(Comparator.comparingLong(
                        (StepExecution e) -> -e.getExecutionContext().getLong(CopyPartitioner.SOURCE_ROWS, 0L))
                .thenComparingInt(e -> e.getExecutionContext().getInt(CopyPartitioner.ORDER)));
        AtomicReference<String> failedTable = new AtomicReference<>();
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
                    copy(partition, failedTable);
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

    private void copy(StepExecution partition, AtomicReference<String> failedTable) throws JobInterruptedException {
        String table = partition.getExecutionContext().getString(CopyPartitioner.TABLE);
        String failed = failedTable.get();
        if (failed != null) {
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(
                    new ExitStatus(RunHistory.NOT_STARTED, "not started: copying " + failed + " failed first"));
            repository.update(partition);
            return;
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
            failedTable.compareAndSet(null, table);
        }
    }
}
