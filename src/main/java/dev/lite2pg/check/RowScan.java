package dev.lite2pg.check;

import dev.lite2pg.convert.ConversionRefusedException;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.copy.ColumnTallies;
import dev.lite2pg.copy.ReasonKinds;
import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.source.OversizedValue;
import dev.lite2pg.source.SourceRow;

import java.util.function.Consumer;

/**
 * Converts one table's source rows exactly as the copy does (same converters, same NULL-into-NOT-NULL rule) and
 * writes nothing: every value the target would refuse is handed over as a {@link RowRefusal}. Pure: it sees rows, not
 * databases. A good row costs only its conversions; names and descriptions are built for bad values alone.
 */
public final class RowScan {

    static final String NULL_INTO_NOT_NULL = "NULL into NOT NULL column";

    private final TableCopy copy;
    private final ValueConverter[] converters;
    private final boolean[] notNull;
    private final RowKeys rowKeys;
    /** Per column, the values the converters changed on purpose, so check can show what the copy will adjust. */
    private final ColumnTallies[] tallies;
    /** Per timestamp or date column (others stay 0): values stored as text, and as numbers (read as epochs). */
    private final long[] textValues;
    private final long[] numberValues;
    private final boolean[] readsEpochs;

    public RowScan(TableCopy copy) {
        this.copy = copy;
        this.converters = copy.converters();
        this.notNull = copy.notNull();
        this.rowKeys = RowKeys.of(copy);
        this.tallies = new ColumnTallies[converters.length];
        this.textValues = new long[converters.length];
        this.numberValues = new long[converters.length];
        this.readsEpochs = new boolean[converters.length];
        for (int i = 0; i < converters.length; i++) {
            tallies[i] = new ColumnTallies();
            readsEpochs[i] = converters[i].numbersReadAs() != null;
        }
    }

    public ColumnTallies[] tallies() {
        return tallies;
    }

    /** Per column, the values stored as text in a column whose converter reads numbers as epochs. */
    public long[] textValues() {
        return textValues;
    }

    /** Per column, the values stored as numbers (INTEGER or REAL) in a column whose converter reads them as epochs. */
    public long[] numberValues() {
        return numberValues;
    }

    /** @return how many values of the row the target would refuse; each is handed to {@code found} */
    public int check(SourceRow row, Consumer<RowRefusal> found) {
        Object[] values = row.values();
        int bad = 0;
        for (int i = 0; i < converters.length; i++) {
            if (values[i] instanceof OversizedValue oversized) {
                found.accept(new RowRefusal(copy.source().name(), rowKeys.describe(row), copy.sourceColumns().get(i),
                        oversized.toString(), oversized.reason(), ReasonKinds.of(oversized.reason())));
                bad++;
                continue;
            }
            if (readsEpochs[i]) {
                Object value = values[i];
                if (value instanceof String) {
                    textValues[i]++;
                } else if (value instanceof Long || value instanceof Double) {
                    numberValues[i]++;
                }
            }
            try {
                if (converters[i].convert(values[i], tallies[i]) == null && notNull[i]) {
                    String reason = NULL_INTO_NOT_NULL + " " + copy.targetTable() + "." + copy.targetColumns().get(i);
                    found.accept(badValue(row, i, reason, reason));
                    bad++;
                }
            } catch (ConversionRefusedException e) {
                // Worded as the copy's writer words it, so check, the scan and a refused chunk say the same thing.
                found.accept(badValue(row, i, e.getMessage() + " (target type " + copy.targetTypes().get(i) + ")",
                        ReasonKinds.of(e.getMessage())));
                bad++;
            }
        }
        return bad;
    }

    private RowRefusal badValue(SourceRow row, int column, String reason, String kind) {
        return new RowRefusal(copy.source().name(), rowKeys.describe(row), copy.sourceColumns().get(column),
                ValueDescriptions.describe(row.values()[column]), reason, kind);
    }
}
