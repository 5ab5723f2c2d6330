package dev.lite2pg.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.RowsRefusedException;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

@SuppressWarnings("removal")
class RunMetricsTest {

    private final MockClock clock = new MockClock();
    private final RunMetrics metrics = new RunMetrics(clock);

    @Test
    void countsRowsAndTimesChunksFromTheStepsOwnCounts() {
        ChunkListener<Object, Object> customer = metrics.forTable("customer").chunkListener();
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        ChunkContext context = new ChunkContext(new StepContext(step));

        chunk(customer, context, step, 7, Duration.ofMillis(30));
        chunk(customer, context, step, 14, Duration.ofMillis(10));
        chunk(customer, context, step, 17, Duration.ofMillis(20));
        chunk(customer, context, step, 17, Duration.ofMillis(5));

        assertThat(metrics.summary()).singleElement().isEqualTo(new TableFigures("customer", 17, 17, 0, 3, 20.0, 30.0));
    }

    @Test
    void countsTheValuesARefusedChunkHeld() {
        ChunkListener<Object, Object> meters = metrics.forTable("reading").chunkListener();
        ChunkContext context = new ChunkContext(new StepContext(MetaDataInstanceFactory.createStepExecution()));
        RowsRefusedException refusal = new RowsRefusedException(
                List.of(new RowRefusal("reading", "id=3", "measurement", "'abc'", "not a number", "not a number")), 4);
        context.setAttribute(ChunkListener.ROLLBACK_EXCEPTION_KEY, new IllegalStateException("wrapped", refusal));

        meters.beforeChunk(context);
        meters.afterChunkError(context);

        assertThat(metrics.summary())
                .singleElement()
                .extracting(TableFigures::valuesRefused)
                .isEqualTo(4L);
    }

    @Test
    void listsTablesInTheOrderTheyStartedAndOnceEach() {
        metrics.forTable("store");
        metrics.forTable("customer");

        assertThat(metrics.forTable("store")).isSameAs(metrics.forTable("store"));
        assertThat(metrics.summary()).extracting(TableFigures::table).containsExactly("store", "customer");
    }

    @Test
    void springBatchObservationsBecomeTimersWithoutActiveTaskMeters() {
        Observation.start("spring.batch.step", metrics.observations()).stop();
        metrics.forTable("customer");

        assertThat(metrics.prometheus().scrape().stream()
                        .map(s -> s.getMetadata().getPrometheusName()))
                .contains(
                        "spring_batch_step_seconds",
                        "lite2pg_rows_read",
                        "lite2pg_rows_written",
                        "lite2pg_values_refused",
                        "lite2pg_chunk_seconds")
                .noneMatch(name -> name.contains("active"));
    }

    @Test
    void theSlowestChunkIsStillKnownLongAfterwards() {
        ChunkListener<Object, Object> meters = metrics.forTable("customer").chunkListener();
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        ChunkContext context = new ChunkContext(new StepContext(step));
        chunk(meters, context, step, 5, Duration.ofMillis(900));

        clock.add(Duration.ofHours(12));

        assertThat(metrics.summary())
                .singleElement()
                .extracting(TableFigures::maxChunkMillis)
                .isEqualTo(900.0);
    }

    @Test
    void theRangesOfOneTableCopiedAtOnceAddUpInTheTablesMeters() {
        ChunkListener<Object, Object> first = metrics.forTable("alerts").chunkListener();
        ChunkListener<Object, Object> second = metrics.forTable("alerts").chunkListener();
        StepExecution one = MetaDataInstanceFactory.createStepExecution("copy:alerts#1/2", 1L);
        StepExecution two = MetaDataInstanceFactory.createStepExecution("copy:alerts#2/2", 2L);
        ChunkContext oneContext = new ChunkContext(new StepContext(one));
        ChunkContext twoContext = new ChunkContext(new StepContext(two));

        chunk(first, oneContext, one, 10, Duration.ofMillis(10));
        chunk(second, twoContext, two, 10, Duration.ofMillis(10));
        chunk(first, oneContext, one, 20, Duration.ofMillis(10));
        chunk(second, twoContext, two, 13, Duration.ofMillis(10));

        assertThat(metrics.summary()).singleElement().isEqualTo(new TableFigures("alerts", 33, 33, 0, 4, 10.0, 10.0));
    }

    private void chunk(
            ChunkListener<Object, Object> meters,
            ChunkContext context,
            StepExecution step,
            long rowsSoFar,
            Duration took) {
        meters.beforeChunk(context);
        clock.add(took);
        step.setReadCount(rowsSoFar);
        step.setWriteCount(rowsSoFar);
        meters.afterChunk(context);
    }
}
