package dev.lite2pg.batch;

import org.springframework.batch.infrastructure.repeat.CompletionPolicy;
import org.springframework.batch.infrastructure.repeat.RepeatContext;
import org.springframework.batch.infrastructure.repeat.policy.CompletionPolicySupport;
import org.springframework.batch.infrastructure.repeat.policy.CompositeCompletionPolicy;
import org.springframework.batch.infrastructure.repeat.policy.SimpleCompletionPolicy;

/**
 * Closes a copy chunk once the rows read into it hold {@code maxBytes} of values, so that a chunk of wide rows
 * (large TEXT or BLOB values) is not held in memory, converted and encoded whole just because it has few rows. A
 * chunk always takes its first row. One step reads on one thread, so the start of the chunk is a plain field.
 */
final class ChunkBytesPolicy extends CompletionPolicySupport {

    private final SqliteItemReader reader;
    private final long maxBytes;
    private long bytesAtStart;

    ChunkBytesPolicy(SqliteItemReader reader, long maxBytes) {
        this.reader = reader;
        this.maxBytes = maxBytes;
    }

    /** The chunk ends at {@code rows} rows or {@code maxBytes} bytes, whichever comes first. */
    static CompletionPolicy rowsOrBytes(int rows, SqliteItemReader reader, long maxBytes) {
        CompositeCompletionPolicy policy = new CompositeCompletionPolicy();
        policy.setPolicies(
                new CompletionPolicy[] {new SimpleCompletionPolicy(rows), new ChunkBytesPolicy(reader, maxBytes)});
        return policy;
    }

    @Override
    public RepeatContext start(RepeatContext parent) {
        bytesAtStart = reader.bytesDelivered();
        return super.start(parent);
    }

    @Override
    public boolean isComplete(RepeatContext context) {
        return reader.bytesDelivered() - bytesAtStart >= maxBytes;
    }
}
