package dev.lite2pg.copy;

import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.convert.ConversionNotes;

/** Counts of deliberate value adjustments for one column, kept as plain longs: the copy loop calls this per value. */
public final class ColumnTallies implements ConversionNotes {

    private final long[] counts = new long[Adjustment.values().length];

    @Override
    public void count(Adjustment adjustment) {
        counts[adjustment.ordinal()]++;
    }

    public long get(Adjustment adjustment) {
        return counts[adjustment.ordinal()];
    }

    public void set(Adjustment adjustment, long value) {
        counts[adjustment.ordinal()] = value;
    }
}
