package dev.lite2pg.batch;

import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The copy step's reader: a {@link SqliteTableReader} whose position is saved in the step's ExecutionContext. The
 * position is the key of the last row handed to the chunk; Spring Batch saves it in the same transaction as that
 * chunk's COPY, so a restart resumes exactly after the last committed row. A partition that is a rowid range of its
 * table (see {@link CopyPartitioner}) reads from its start, or its saved position, to its end only.
 */
final class SqliteItemReader implements ItemStreamReader<SourceRow> {

    /** The key of the last row handed over. Runs saved under these names resume, so the names never change. */
    static final String POSITION_KEY = "source.lastKey";
    /** Rows handed over by this step, over all its runs. */
    static final String ROWS_KEY = "source.rowsRead";

    private final SqliteTableReader reader;
    private Object[] lastKey;
    private long rows;

    SqliteItemReader(SqliteTableReader reader) {
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(POSITION_KEY)) {
            @SuppressWarnings("unchecked")
            List<Object> saved = (List<Object>) context.get(POSITION_KEY);
            lastKey = saved.toArray();
            rows = context.getLong(ROWS_KEY, 0L);
        } else if (context.containsKey(CopyPartitioner.RANGE_AFTER)) {
            lastKey = new Object[] {context.getLong(CopyPartitioner.RANGE_AFTER)};
        }
        Object[] upTo = context.containsKey(CopyPartitioner.RANGE_UP_TO)
                ? new Object[] {context.getLong(CopyPartitioner.RANGE_UP_TO)}
                : null;
        reader.open(lastKey, upTo);
    }

    @Override
    public SourceRow read() {
        SourceRow row = reader.next();
        if (row != null) {
            lastKey = row.key();
            rows++;
        }
        return row;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastKey != null) {
            context.put(POSITION_KEY, new ArrayList<>(List.of(lastKey)));
            context.putLong(ROWS_KEY, rows);
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    /** See {@link SqliteTableReader#bytesDelivered()}: what a chunk holds is measured by it. */
    long bytesDelivered() {
        return reader.bytesDelivered();
    }
}
