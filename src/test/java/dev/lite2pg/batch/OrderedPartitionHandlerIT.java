package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * {@link OrderedPartitionHandler} on its own, with Spring Batch's JDBC job repository on the test database: the
 * largest tables start first, tables run side by side up to the parallelism, and once a table fails no further one
 * starts and those not reached are recorded FAILED / NOT_STARTED in the repository (never left STARTING, which
 * Spring Batch would refuse to restart).
 */
@ExtendWith(TestDatabaseExtension.class)
class OrderedPartitionHandlerIT {

    private static final String MANAGER = "copy";

    private TestDatabase db;
    private JobRepository repository;
    private JobInstance instance;
    private StepExecution manager;
    /** Tables in the order their steps were asked for. */
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void repository() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
                .execute(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
        factory.afterPropertiesSet();
        repository = factory.getObject();
        JobParameters parameters = new JobParameters();
        instance = repository.createJobInstance("cutover", parameters);
        JobExecution job = repository.createJobExecution(instance, parameters, new ExecutionContext());
        manager = repository.createStepExecution(MANAGER, job);
    }

    @Test
    void theLargestTablesStartFirstAndTiesGoInLoadOrder() throws Exception {
        Map<String, long[]> tables = tables("tiny", 2, 10, "huge", 0, 5_000, "middle_b", 4, 300, "middle_a", 3, 300);

        Collection<StepExecution> partitions = handler(table -> completes(), 1).handle(splitter(tables), manager);

        assertThat(started).containsExactly("huge", "middle_a", "middle_b", "tiny");
        assertThat(partitions).extracting(StepExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
        assertThat(stored("tiny").getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void tablesRunSideBySideUpToTheParallelism() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Function<String, Step> steps = table -> step(execution -> {
            bothRunning.countDown();
            boolean together = await(bothRunning);
            finish(execution, together ? BatchStatus.COMPLETED : BatchStatus.FAILED);
        });

        Collection<StepExecution> partitions =
                handler(steps, 2).handle(splitter(tables("a", 0, 10, "b", 1, 10)), manager);

        assertThat(partitions)
                .extracting(StepExecution::getStatus)
                .as("each step saw the other one running")
                .containsOnly(BatchStatus.COMPLETED);
    }

    @Test
    void afterAFailedTableNoFurtherTableStartsAndThoseNotReachedAreRecordedAsNotStarted() throws Exception {
        Map<String, long[]> tables = tables("first", 0, 900, "failing", 1, 500, "later", 2, 100, "last", 3, 10);
        Function<String, Step> steps =
                table -> table.equals("failing") ? step(e -> finish(e, BatchStatus.FAILED)) : completes();

        handler(steps, 1).handle(splitter(tables), manager);

        assertThat(started).containsExactly("first", "failing");
        assertThat(stored("first").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stored("failing").getStatus()).isEqualTo(BatchStatus.FAILED);
        for (String table : List.of("later", "last")) {
            StepExecution notReached = stored(table);
            assertThat(notReached.getStatus()).as(table).isEqualTo(BatchStatus.FAILED);
            assertThat(notReached.getExitStatus().getExitCode()).as(table).isEqualTo(RunHistory.NOT_STARTED);
            assertThat(notReached.getExitStatus().getExitDescription())
                    .as(table)
                    .isEqualTo("not started: copying failing failed first");
        }
    }

    @Test
    void aStepThatCannotStartIsRecordedAsFailedWithItsReasonAndStopsTheRest() throws Exception {
        Map<String, long[]> tables = tables("broken", 0, 900, "later", 1, 100);
        Function<String, Step> steps = table -> {
            if (table.equals("broken")) {
                started.add(table);
                throw new IllegalStateException("no reader for broken");
            }
            return completes();
        };

        handler(steps, 1).handle(splitter(tables), manager);

        StepExecution broken = stored("broken");
        assertThat(broken.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(broken.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        assertThat(broken.getExitStatus().getExitDescription()).contains("no reader for broken");
        assertThat(broken.getEndTime()).isNotNull();
        assertThat(started).containsExactly("broken");
        assertThat(stored("later").getExitStatus().getExitCode()).isEqualTo(RunHistory.NOT_STARTED);
    }

    @Test
    void anErrorThrownByAStepReachesTheCaller() {
        Function<String, Step> steps = table -> step(e -> {
            throw new OutOfMemoryError("simulated");
        });

        assertThatThrownBy(() -> handler(steps, 1).handle(splitter(tables("only", 0, 1)), manager))
                .hasStackTraceContaining("simulated");
    }

    @Test
    void theRangesOfATableStartLargestFirstAndTheGridSizeIsTheParallelism() throws Exception {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        partitions.put("mid", partition("mid", 1, 600, 600, 0));
        partitions.put("big#1/2", partition("big", 0, 1_000, 500, 1));
        partitions.put("big#2/2", partition("big", 0, 1_000, 500, 2));
        partitions.put("small", partition("small", 2, 10, 10, 0));
        List<Integer> gridSizes = new ArrayList<>();
        SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(repository, MANAGER, gridSize -> {
            gridSizes.add(gridSize);
            return partitions;
        });
        // The order the partitions are handed to the threads: with 3 threads, the order they happen to start in is a
        // race.
        List<String> startOrder = new ArrayList<>();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());

        new OrderedPartitionHandler(
                        repository,
                        new OrderedPartitionHandler.PartitionSteps() {
                            @Override
                            public void starting(List<StepExecution> all) {
                                all.forEach(partition -> startOrder.add(partition.getStepName()));
                            }

                            @Override
                            public Step stepFor(StepExecution partition) {
                                ran.add(partition.getStepName());
                                return completes();
                            }
                        },
                        3)
                .handle(splitter, manager);

        assertThat(startOrder).containsExactly("copy:mid", "copy:big#1/2", "copy:big#2/2", "copy:small");
        assertThat(ran).containsExactlyInAnyOrderElementsOf(startOrder);
        assertThat(gridSizes).containsExactly(3);
    }

    private static ExecutionContext partition(String table, int order, long tableRows, long partitionRows, int range) {
        ExecutionContext context = new ExecutionContext();
        context.putString(CopyPartitioner.TABLE, table);
        context.putInt(CopyPartitioner.ORDER, order);
        context.putLong(CopyPartitioner.SOURCE_ROWS, tableRows);
        context.putLong(CopyPartitioner.PARTITION_ROWS, partitionRows);
        if (range > 0) {
            context.putInt(CopyPartitioner.RANGE, range);
            context.putInt(CopyPartitioner.RANGES, 2);
        }
        return context;
    }

    private OrderedPartitionHandler handler(Function<String, Step> steps, int parallelism) {
        return new OrderedPartitionHandler(
                repository, partition -> steps.apply(CopySteps.table(partition)), parallelism);
    }

    /** Triples of table name, load order and source rows. */
    private static Map<String, long[]> tables(Object... triples) {
        Map<String, long[]> tables = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            tables.put((String) triples[i], new long[] {
                ((Number) triples[i + 1]).longValue(), ((Number) triples[i + 2]).longValue()
            });
        }
        return tables;
    }

    /** Partitions as {@link CopyPartitioner} writes them, through Spring Batch's splitter (which stores them). */
    private SimpleStepExecutionSplitter splitter(Map<String, long[]> tables) {
        return new SimpleStepExecutionSplitter(repository, MANAGER, gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            tables.forEach((table, orderAndRows) -> {
                ExecutionContext context = new ExecutionContext();
                context.putString(CopyPartitioner.TABLE, table);
                context.putInt(CopyPartitioner.ORDER, (int) orderAndRows[0]);
                context.putLong(CopyPartitioner.SOURCE_ROWS, orderAndRows[1]);
                partitions.put(table, context);
            });
            return partitions;
        });
    }

    /** The partition of the table as the job repository holds it. */
    private StepExecution stored(String table) {
        StepExecution execution = repository.getLastStepExecution(instance, MANAGER + ":" + table);
        assertThat(execution).as("step execution of " + table).isNotNull();
        return execution;
    }

    private Step completes() {
        return step(execution -> finish(execution, BatchStatus.COMPLETED));
    }

    /** A step that records its table, then does what {@code body} says (which must finish the execution). */
    private Step step(Consumer<StepExecution> body) {
        return new Step() {
            @Override
            public String getName() {
                return "table";
            }

            @Override
            public void execute(StepExecution execution) {
                started.add(execution.getExecutionContext().getString(CopyPartitioner.TABLE));
                execution.setStartTime(LocalDateTime.now());
                body.accept(execution);
            }
        };
    }

    private void finish(StepExecution execution, BatchStatus status) {
        execution.setStatus(status);
        execution.setExitStatus(status == BatchStatus.COMPLETED ? ExitStatus.COMPLETED : ExitStatus.FAILED);
        execution.setEndTime(LocalDateTime.now());
        repository.update(execution);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
