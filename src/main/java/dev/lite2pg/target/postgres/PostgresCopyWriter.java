package dev.lite2pg.target.postgres;

import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.convert.ConversionRefusedException;
import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.copy.ColumnTallies;
import dev.lite2pg.copy.CopyTextEncoder;
import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.RowsRefusedException;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.source.SourceRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chunk with COPY on the chunk's own transactional connection: the rows and the step's saved
 * position commit or roll back together. Every value of the chunk is converted before COPY starts, so a refused
 * value writes nothing and the message lists every refused value of the chunk.
 */
public final class PostgresCopyWriter implements ItemStreamWriter<SourceRow> {

    private static final int INITIAL_BUFFER = 1 << 16;
    private static final String TALLY_PREFIX = "tally.";
    public static final String ROWS_WRITTEN_KEY = "target.rowsWritten";

    private final DataSource dataSource;
    private final TableCopy copy;
    private final String copySql;
    private final ColumnTallies[] tallies;
    private final RowKeys rowKeys;
    private final String[] converted;
    private final CopyTextEncoder encoder = new CopyTextEncoder(INITIAL_BUFFER);
    private long rowsWritten;

    public PostgresCopyWriter(DataSource dataSource, TableCopy copy) {
        this.dataSource = dataSource;
        this.copy = copy;
        this.copySql = "COPY " + PgSql.qualified(copy.targetSchema(), copy.targetTable())
                + " (" + PgSql.columnList(copy.targetColumns()) + ") FROM STDIN";
        this.tallies = new ColumnTallies[copy.width()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new ColumnTallies();
        }
        this.rowKeys = RowKeys.of(copy);
        this.converted = new String[copy.width()];
    }

    @Override
    public void write(Chunk<? extends SourceRow> chunk) throws Exception {
        encoder.reset();
        List<RowRefusal> refusals = new ArrayList<>();
        int refusedTotal = 0;
        for (SourceRow row : chunk) {
            boolean rowOk = true;
            Object[] values = row.values();
            for (int i = 0; i < converted.length; i++) {
                String reason = null;
                try {
                    converted[i] = copy.converters()[i].convert(values[i], tallies[i]);
                    if (converted[i] == null && copy.notNull()[i]) {
                        reason = "NULL into NOT NULL column " + copy.targetTable() + "." + copy.targetColumns().get(i);
                    }
                } catch (ConversionRefusedException e) {
                    reason = e.getMessage() + " (target type " + copy.targetTypes().get(i) + ")";
                }
                if (reason != null) {
                    rowOk = false;
                    if (refusals.size() < RowsRefusedException.shownLimit()) {
                        refusals.add(new RowRefusal(copy.source().name(), rowKeys.describe(row), copy.sourceColumns().get(i),
                                ValueDescriptions.describe(values[i]), reason));
                    }
                    refusedTotal++;
                }
            }
            if (rowOk && refusedTotal == 0) {
                encodeRow();
            }
        }
        if (refusedTotal > 0) {
            throw new RowsRefusedException(refusals, refusedTotal);
        }
        copyEncodedRows();
        rowsWritten += chunk.size();
    }

    private void encodeRow() {
        for (int i = 0; i < converted.length; i++) {
            if (i > 0) {
                encoder.separator();
            }
            encoder.value(converted[i]);
        }
        encoder.endRow();
    }

    private void copyEncodedRows() throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        asynchronousCommit(connection);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            in.writeToCopy(encoder.buffer(), 0, encoder.length());
            in.endCopy();
        } finally {
            // pgjdbc's rule: a COPY left active locks the connection for every later statement.
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * A chunk's commit need not wait for its WAL flush: if PostgreSQL crashes, the chunks lost are lost together with
     * the positions saved in their transactions, so the resume copies them again. The steps after the copy commit
     * synchronously, which flushes everything before them. Only for this transaction (SET LOCAL).
     */
    private static void asynchronousCommit(Connection connection) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("SET LOCAL synchronous_commit TO off");
        }
    }

    public ColumnTallies[] tallies() {
        return tallies;
    }

    @Override
    public void open(ExecutionContext context) {
        rowsWritten = context.getLong(ROWS_WRITTEN_KEY, 0L);
        for (int i = 0; i < tallies.length; i++) {
            for (Adjustment a : Adjustment.values()) {
                tallies[i].set(a, context.getLong(tallyKey(i, a), 0L));
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_WRITTEN_KEY, rowsWritten);
        for (int i = 0; i < tallies.length; i++) {
            for (Adjustment a : Adjustment.values()) {
                long n = tallies[i].get(a);
                if (n != 0) {
                    context.putLong(tallyKey(i, a), n);
                }
            }
        }
    }

    private String tallyKey(int column, Adjustment adjustment) {
        return tallyKey(copy.targetColumns().get(column), adjustment);
    }

    /** Tallies are keyed by target column so the report can read them back from the step's saved context. */
    public static String tallyKey(String targetColumn, Adjustment adjustment) {
        return TALLY_PREFIX + targetColumn + "." + adjustment.name();
    }
}
