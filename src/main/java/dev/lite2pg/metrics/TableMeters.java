package dev.lite2pg.metrics;

import dev.lite2pg.copy.RowsRefusedException;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * One table's meters, updated once per chunk from the step's own counts: nothing is done per row. A table cut into
 * rowid ranges is copied by several steps at once, each with its own {@link #chunkListener}, all adding to the same
 * meters.
 *
 * <p>The classic chunk-oriented TaskletStep (see CopyStepFactory) only calls the ChunkContext methods of
 * ChunkListener, which Spring Batch 6 deprecates for removal along with that step.
 */
@SuppressWarnings("removal")
public final class TableMeters {

    static final String TABLE_TAG = "table";
    /**
     * A server's meters forget their maximum after a few minutes; a run is pushed once, at its end, so a table's
     * slowest chunk must still be there then.
     */
    private static final Duration KEEP_MAX = Duration.ofDays(3650);

    private final String table;
    private final Clock clock;
    private final Counter read;
    private final Counter written;
    private final Counter refused;
    private final Timer chunks;

    TableMeters(MeterRegistry registry, String table) {
        this.table = table;
        this.clock = registry.config().clock();
        this.read = Counter.builder("lite2pg.rows.read")
                .description("rows read from the SQLite snapshot and committed")
                .tag(TABLE_TAG, table)
                .register(registry);
        this.written = Counter.builder("lite2pg.rows.written")
                .description("rows COPYed into the target and committed")
                .tag(TABLE_TAG, table)
                .register(registry);
        this.refused = Counter.builder("lite2pg.values.refused")
                .description("values refused by their converter")
                .tag(TABLE_TAG, table)
                .register(registry);
        this.chunks = Timer.builder("lite2pg.chunk")
                .description("one committed chunk: read, convert, COPY and commit")
                .tag(TABLE_TAG, table)
                .distributionStatisticExpiry(KEEP_MAX)
                .distributionStatisticBufferLength(1)
                .register(registry);
    }

    /** A listener for one of the table's steps: the counts it turns into increments are that step's own. */
    public ChunkListener<Object, Object> chunkListener() {
        return new StepChunks();
    }

    TableFigures figures() {
        return new TableFigures(
                table,
                (long) read.count(),
                (long) written.count(),
                (long) refused.count(),
                chunks.count(),
                chunks.mean(TimeUnit.MILLISECONDS),
                chunks.max(TimeUnit.MILLISECONDS));
    }

    private final class StepChunks implements ChunkListener<Object, Object> {

        private long chunkStart;
        private long readBefore;
        private long writtenBefore;

        @Override
        public void beforeChunk(ChunkContext context) {
            chunkStart = clock.monotonicTime();
        }

        @Override
        public void afterChunk(ChunkContext context) {
            StepExecution step = context.getStepContext().getStepExecution();
            long readNow = step.getReadCount();
            long writtenNow = step.getWriteCount();
            if (readNow == readBefore && writtenNow == writtenBefore) {
                // The last chunk of a table whose size is a multiple of the chunk size only finds the end.
                return;
            }
            chunks.record(clock.monotonicTime() - chunkStart, TimeUnit.NANOSECONDS);
            read.increment(readNow - readBefore);
            written.increment(writtenNow - writtenBefore);
            readBefore = readNow;
            writtenBefore = writtenNow;
        }

        @Override
        public void afterChunkError(ChunkContext context) {
            for (Object e = context.getAttribute(ChunkListener.ROLLBACK_EXCEPTION_KEY);
                    e instanceof Throwable t;
                    e = t.getCause()) {
                if (t instanceof RowsRefusedException refusal) {
                    refused.increment(refusal.total());
                    return;
                }
            }
        }
    }
}
