package dev.lite2pg.postgres;

import dev.lite2pg.checksum.CopiedChecksum;
import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.copy.ColumnTallies;
import dev.lite2pg.copy.CopyTextEncoder;
import dev.lite2pg.copy.ReasonKinds;
import dev.lite2pg.copy.RefusedRows;
import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.RowsRefusedException;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.quarantine.QuarantinedRow;
import dev.lite2pg.quarantine.QuarantinedRow.Origin;
import dev.lite2pg.quarantine.RowJson;
import dev.lite2pg.source.SourceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk with COPY on the chunk's own transactional connection: the rows and the step's saved
 * position commit or roll back together. Every value of the chunk is converted (by the table's {@link RowConverter})
 * before COPY starts: the writer only writes. With on-bad-row: fail a refused value writes nothing and the message
 * lists every refused value of the chunk, and a row PostgreSQL refuses (unique index, CHECK, enum) is named by its key;
 * given the run's {@link RefusedRows}, a refused value is handed there instead and the writer goes on converting
 * without writing: once any copy step of the run has refused a row, no chunk is sent (its position is still saved,
 * with a mark that the table's rows from there on were discarded, see {@link #ROWS_DISCARDED_KEY}). With on-bad-row:
 * quarantine such rows go to the quarantine table in the same transaction and the rest of the chunk is copied.
 */
public final class PostgresCopyWriter implements ItemStreamWriter<SourceRow> {

    private static final int INITIAL_BUFFER = 1 << 16;
    /** An encoding buffer a large value grew past this is dropped after its chunk rather than held for the table's copy. */
    private static final int RETAINED_BUFFER = 16 << 20;

    private static final String TALLY_PREFIX = "tally.";
    /** Per column, values stored as text and as numbers where numbers are read as epochs: {@code mixed.text.<column>}. */
    private static final String MIXED_TEXT_PREFIX = "mixed.text.";

    private static final String MIXED_NUMBER_PREFIX = "mixed.number.";
    public static final String ROWS_WRITTEN_KEY = "target.rowsWritten";
    public static final String ROWS_QUARANTINED_KEY = "target.rowsQuarantined";
    /**
     * Rows read but not written because the run had refused a row: the saved position is past rows the table lacks,
     * so the run must not go on from it (see {@link RefusedRows}).
     */
    public static final String ROWS_DISCARDED_KEY = "target.rowsDiscarded";

    private final DataSource dataSource;
    private final TableCopy copy;
    private final String copySql;
    private final RowConverter converter;
    private final ColumnTallies[] tallies;
    private final RowKeys rowKeys;
    /** The refused values of the row being converted: one list and one consumer, reused row after row. */
    private final List<RowRefusal> rowRefusals = new ArrayList<>();

    private final Consumer<RowRefusal> collectRefusal = rowRefusals::add;
    private final CopyTextEncoder encoder = new CopyTextEncoder(INITIAL_BUFFER);
    /** What validation compares the stored rows with, kept as they are stored. */
    private final CopiedChecksum checksum;
    /** Empty with on-bad-row: fail. */
    private final Optional<QuarantineTable> quarantine;
    /** Under on-bad-row: fail, the run's bad rows; null to refuse the chunk instead (and with a quarantine). */
    private final RefusedRows refusedRows;
    /** Where each encoded row starts in the encoder's buffer (one more entry: where the last one ends). */
    private int[] rowStart = new int[1];
    /** The chunk item each encoded row came from. */
    private int[] rowItem = new int[0];

    private int encodedRows;
    private long rowsWritten;
    private long rowsQuarantined;
    private long rowsDiscarded;

    /** @param quarantine where refused rows go (on-bad-row: quarantine), or empty to refuse the chunk (on-bad-row: fail) */
    public PostgresCopyWriter(DataSource dataSource, TableCopy copy, Optional<QuarantineTable> quarantine) {
        this(dataSource, copy, quarantine, null);
    }

    /**
     * On-bad-row: fail, finding every bad row of the run in one pass: refused rows go to {@code refusedRows}, and
     * nothing is written once it holds any.
     */
    public PostgresCopyWriter(DataSource dataSource, TableCopy copy, RefusedRows refusedRows) {
        this(dataSource, copy, Optional.empty(), java.util.Objects.requireNonNull(refusedRows));
    }

    private PostgresCopyWriter(
            DataSource dataSource, TableCopy copy, Optional<QuarantineTable> quarantine, RefusedRows refusedRows) {
        this.dataSource = dataSource;
        this.copy = copy;
        this.quarantine = quarantine;
        this.refusedRows = refusedRows;
        this.copySql = "COPY " + PgSql.qualified(copy.targetSchema(), copy.targetTable()) + " ("
                + PgSql.columnList(copy.targetColumns()) + ") FROM STDIN";
        this.converter = new RowConverter(copy);
        this.tallies = converter.tallies();
        this.rowKeys = RowKeys.of(copy);
        this.checksum = new CopiedChecksum(copy);
    }

    @Override
    public void write(Chunk<? extends SourceRow> chunk) throws Exception {
        try {
            writeChunk(chunk);
        } finally {
            encoder.release(RETAINED_BUFFER);
        }
    }

    private void writeChunk(Chunk<? extends SourceRow> chunk) throws Exception {
        encoder.reset();
        encodedRows = 0;
        List<? extends SourceRow> items = chunk.getItems();
        ensureRowCapacity(items.size());
        List<RowRefusal> refusals = new ArrayList<>();
        int refusedTotal = 0;
        List<QuarantinedRow> quarantined = new ArrayList<>();
        for (int item = 0; item < items.size(); item++) {
            SourceRow row = items.get(item);
            rowRefusals.clear();
            int refused = converter.convert(row, collectRefusal);
            if (refused == 0) {
                if (quarantine.isPresent() || (refusedTotal == 0 && !discarding())) {
                    encodeRow(item);
                }
                continue;
            }
            refusedTotal += refused;
            if (quarantine.isPresent()) {
                quarantined.add(quarantinedForValues(row, rowRefusals));
            } else if (refusedRows != null) {
                refusedRows.refuse(List.copyOf(rowRefusals));
            } else {
                for (RowRefusal refusal : rowRefusals) {
                    if (refusals.size() < RowsRefusedException.shownLimit()) {
                        refusals.add(refusal);
                    }
                }
            }
        }
        if (discarding()) {
            // Checked after the conversions, so another table's refusal meanwhile also stops this chunk's COPY.
            rowsDiscarded += items.size();
            return;
        }
        if (quarantine.isEmpty() && refusedTotal > 0) {
            throw new RowsRefusedException(refusals, refusedTotal);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        asynchronousCommit(connection);
        long written;
        if (quarantine.isEmpty()) {
            try {
                written = copyRows(connection, 0, encodedRows);
            } catch (PSQLException e) {
                throw refusedByPostgres(items, 0, e)
                        .map(r -> new RowsRefusedException(List.of(r), 1))
                        .orElseThrow(() -> e);
            }
        } else {
            written = copyQuarantining(connection, items, quarantined);
            quarantine.get().add(connection, quarantined);
        }
        rowsWritten += written;
        rowsQuarantined += quarantined.size();
    }

    /** The run has refused a row: the rest of the copy only converts, to find every other one. */
    private boolean discarding() {
        return refusedRows != null && refusedRows.any();
    }

    /**
     * COPY, and on a row PostgreSQL refuses (it names the line): take back to before that COPY, set the row aside, and
     * copy the rows before it and the rows after it as two new COPYs. The rows before it are not known to be good:
     * COPY inserts in batches, so a unique violation on line 3 can surface after a bad enum on line 4. Each attempt
     * either writes its whole range or removes one row, so the loop ends.
     */
    private long copyQuarantining(
            Connection connection, List<? extends SourceRow> items, List<QuarantinedRow> quarantined)
            throws SQLException {
        Deque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, encodedRows});
        long stored = 0;
        while (!ranges.isEmpty()) {
            int[] range = ranges.pop();
            int from = range[0];
            int to = range[1];
            if (from >= to) {
                continue;
            }
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                stored += copyRows(connection, from, to);
                connection.releaseSavepoint(beforeCopy);
            } catch (PSQLException e) {
                connection.rollback(beforeCopy);
                int line = PostgresRefusal.line(e);
                if (line < 1 || from + line - 1 >= to) {
                    throw e;
                }
                int bad = from + line - 1;
                SourceRow row = items.get(rowItem[bad]);
                RowRefusal refusal = refusedByPostgres(items, from, e).orElseThrow();
                quarantined.add(quarantined(row, refusal.column(), refusal.value(), refusal.reason(), Origin.POSTGRES));
                // The earlier rows first, so that of two rows with the same unique key the first one is copied.
                ranges.push(new int[] {bad + 1, to});
                ranges.push(new int[] {from, bad});
            }
        }
        return stored;
    }

    /** The row PostgreSQL refused, named as a refused value is, or empty when the error names no row. */
    private Optional<RowRefusal> refusedByPostgres(List<? extends SourceRow> items, int firstEncoded, PSQLException e) {
        int line = PostgresRefusal.line(e);
        if (line < 1 || firstEncoded + line - 1 >= encodedRows) {
            return Optional.empty();
        }
        SourceRow row = items.get(rowItem[firstEncoded + line - 1]);
        String column = PostgresRefusal.column(e);
        int index = column == null ? -1 : copy.targetColumns().indexOf(column);
        String sourceColumn = index >= 0 ? copy.sourceColumns().get(index) : column == null ? "(row)" : column;
        String value = index >= 0 ? ValueDescriptions.describe(row.values()[index]) : "(row)";
        String reason = "refused by PostgreSQL: " + PostgresRefusal.reason(e);
        return Optional.of(new RowRefusal(
                copy.source().name(), rowKeys.describe(row), sourceColumn, value, reason, ReasonKinds.of(reason)));
    }

    private QuarantinedRow quarantinedForValues(SourceRow row, List<RowRefusal> refusals) {
        return quarantinedForValues(copy, rowKeys, row, refusals);
    }

    /**
     * A row with refused values as the quarantine keeps it: the whole source row, the columns at fault and why (one
     * place, for the copy and for catch-up).
     */
    public static QuarantinedRow quarantinedForValues(
            TableCopy copy, RowKeys rowKeys, SourceRow row, List<RowRefusal> refusals) {
        boolean one = refusals.size() == 1;
        return quarantined(
                copy,
                rowKeys,
                row,
                one
                        ? refusals.get(0).column()
                        : refusals.stream().map(RowRefusal::column).collect(Collectors.joining(", ")),
                one
                        ? refusals.get(0).value()
                        : refusals.stream()
                                .map(r -> r.column() + "=" + r.value())
                                .collect(Collectors.joining("; ")),
                one
                        ? refusals.get(0).reason()
                        : refusals.stream()
                                .map(r -> r.column() + ": " + r.reason())
                                .collect(Collectors.joining("; ")),
                Origin.VALUE);
    }

    private QuarantinedRow quarantined(SourceRow row, String column, String value, String reason, Origin origin) {
        return quarantined(copy, rowKeys, row, column, value, reason, origin);
    }

    /** The whole source row as the quarantine keeps it, with what was refused in it and why. */
    private static QuarantinedRow quarantined(
            TableCopy copy, RowKeys rowKeys, SourceRow row, String column, String value, String reason, Origin origin) {
        return new QuarantinedRow(
                copy.targetTable(),
                copy.source().name(),
                rowKeys.describe(row),
                RowJson.key(row.key()),
                RowJson.row(copy.sourceColumns(), row.values()),
                column,
                value,
                reason,
                origin);
    }

    private void ensureRowCapacity(int rows) {
        if (rowItem.length < rows) {
            rowItem = new int[rows];
            rowStart = new int[rows + 1];
        }
    }

    private void encodeRow(int item) {
        rowStart[encodedRows] = encoder.length();
        rowItem[encodedRows] = item;
        converter.encode(encoder);
        checksum.encoded(encodedRows, converter);
        encodedRows++;
        rowStart[encodedRows] = encoder.length();
    }

    /** COPYs the encoded rows {@code from} (inclusive) to {@code to} (exclusive); returns the rows PostgreSQL stored. */
    private long copyRows(Connection connection, int from, int to) throws SQLException {
        if (from >= to) {
            return 0;
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            in.writeToCopy(encoder.buffer(), rowStart[from], rowStart[to] - rowStart[from]);
            // What PostgreSQL stored, not what was sent: a BEFORE INSERT trigger may drop a row (validation then
            // fails, as the checksum counts every row sent).
            long stored = in.endCopy();
            checksum.stored(from, to);
            return stored;
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

    @Override
    public void open(ExecutionContext context) {
        rowsWritten = context.getLong(ROWS_WRITTEN_KEY, 0L);
        rowsQuarantined = context.getLong(ROWS_QUARANTINED_KEY, 0L);
        rowsDiscarded = context.getLong(ROWS_DISCARDED_KEY, 0L);
        checksum.restore(
                context.containsKey(CopiedChecksum.SUM_KEY),
                context.getLong(CopiedChecksum.ROWS_KEY, 0L),
                context.getLong(CopiedChecksum.SUM_KEY, 0L),
                context.containsKey(ROWS_WRITTEN_KEY) || context.containsKey(ROWS_QUARANTINED_KEY));
        for (int i = 0; i < tallies.length; i++) {
            for (Adjustment a : Adjustment.values()) {
                tallies[i].set(a, context.getLong(tallyKey(i, a), 0L));
            }
            String column = copy.targetColumns().get(i);
            converter.textValues()[i] = context.getLong(MIXED_TEXT_PREFIX + column, 0L);
            converter.numberValues()[i] = context.getLong(MIXED_NUMBER_PREFIX + column, 0L);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_WRITTEN_KEY, rowsWritten);
        context.putLong(ROWS_QUARANTINED_KEY, rowsQuarantined);
        if (rowsDiscarded != 0) {
            context.putLong(ROWS_DISCARDED_KEY, rowsDiscarded);
        }
        if (checksum.active()) {
            context.putLong(CopiedChecksum.ROWS_KEY, checksum.rows());
            context.putLong(CopiedChecksum.SUM_KEY, checksum.sum());
        }
        for (int i = 0; i < tallies.length; i++) {
            for (Adjustment a : Adjustment.values()) {
                long n = tallies[i].get(a);
                if (n != 0) {
                    context.putLong(tallyKey(i, a), n);
                }
            }
            // Saved with the chunk, like the tallies: a resumed table's warning counts every row once.
            String column = copy.targetColumns().get(i);
            if (converter.textValues()[i] != 0) {
                context.putLong(MIXED_TEXT_PREFIX + column, converter.textValues()[i]);
            }
            if (converter.numberValues()[i] != 0) {
                context.putLong(MIXED_NUMBER_PREFIX + column, converter.numberValues()[i]);
            }
        }
    }

    /** Values of a column stored as text and as numbers, from a copy step's saved context: {text, numbers}. */
    public static long[] mixedCounts(ExecutionContext context, String targetColumn) {
        return new long[] {
            context.getLong(MIXED_TEXT_PREFIX + targetColumn, 0L),
            context.getLong(MIXED_NUMBER_PREFIX + targetColumn, 0L)
        };
    }

    /** Whether a key of a copy step's context is this writer's progress, forgotten when the table is copied again. */
    public static boolean isProgress(String key) {
        return key.startsWith(TALLY_PREFIX)
                || key.startsWith(MIXED_TEXT_PREFIX)
                || key.startsWith(MIXED_NUMBER_PREFIX)
                || key.equals(ROWS_WRITTEN_KEY)
                || key.equals(ROWS_QUARANTINED_KEY)
                || key.equals(ROWS_DISCARDED_KEY);
    }

    private String tallyKey(int column, Adjustment adjustment) {
        return tallyKey(copy.targetColumns().get(column), adjustment);
    }

    /** Tallies are keyed by target column so the report can read them back from the step's saved context. */
    public static String tallyKey(String targetColumn, Adjustment adjustment) {
        return TALLY_PREFIX + targetColumn + "." + adjustment.name();
    }
}
