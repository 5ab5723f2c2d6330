package dev.lite2pg.checksum;

import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.TableCopy;
import java.util.Arrays;
import java.util.Optional;

/**
 * The content checksum of the rows a copy step stored, kept as it copies: each encoded row's {@link RowHash} is held
 * until its COPY succeeds, then added to the step's row count and wrapping sum, which the writer saves with the
 * step's position, so they commit (or roll back) with the chunk. Validation compares the sums of a table's steps with
 * the same checksum of what PostgreSQL stored. Inactive for a table with a column type that has no canonical form,
 * and for a step resumed from a saved state without a checksum (written by an earlier lite2pg).
 */
public final class CopiedChecksum {

    /** Saved by the writer in its step's context; a step without them has no checksum. */
    public static final String ROWS_KEY = "checksum.rows";

    public static final String SUM_KEY = "checksum.sum";

    private final RowHash hash;
    private final String[] values;
    /** The hash of each row of the chunk being encoded, by its place among the encoded rows. */
    private long[] encoded = new long[0];

    private boolean active;
    private long rows;
    private long sum;

    public CopiedChecksum(TableCopy copy) {
        Optional<RowHash> rowHash = RowHash.forTypes(copy.targetTypes());
        this.hash = rowHash.orElse(null);
        this.values = new String[copy.width()];
        this.active = hash != null;
    }

    /** Resumes from a saved state; {@code saved} false after rows were stored without a checksum turns this off. */
    public void restore(boolean saved, long rows, long sum, boolean rowsStoredBefore) {
        this.rows = saved ? rows : 0;
        this.sum = saved ? sum : 0;
        if (!saved && rowsStoredBefore) {
            active = false;
        }
    }

    /** Hashes the row the converter holds, which is encoded as row {@code row} of the chunk. */
    public void encoded(int row, RowConverter converter) {
        if (!active) {
            return;
        }
        if (row >= encoded.length) {
            encoded = Arrays.copyOf(encoded, Math.max(64, row * 2));
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = converter.value(i);
        }
        encoded[row] = hash.of(values);
    }

    /** The encoded rows {@code from} (inclusive) to {@code to} (exclusive) are stored by a COPY that succeeded. */
    public void stored(int from, int to) {
        for (int i = from; i < to && active; i++) {
            sum += encoded[i];
        }
        rows += to - from;
    }

    /** Whether {@link #rows()} and {@link #sum()} cover every row this step stored. */
    public boolean active() {
        return active;
    }

    public long rows() {
        return rows;
    }

    public long sum() {
        return sum;
    }
}
