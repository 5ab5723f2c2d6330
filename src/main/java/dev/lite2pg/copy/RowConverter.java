package dev.lite2pg.copy;

import dev.lite2pg.convert.ConversionRefusedException;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.source.OversizedValue;
import dev.lite2pg.source.SourceRow;
import java.util.function.Consumer;

/**
 * Turns one table's source rows into COPY text, or into the values that keep a row out: the one place a row is
 * converted, so the copy, check's scan and the content check take and refuse the same values and word a refusal the
 * same way. Converters were chosen once per table ({@link TableCopy}); a good row costs only its conversions (no
 * lookups, nothing allocated beyond what a converter returns), and names and descriptions are built for refused values
 * alone. One per reader: it holds the last row's converted values and its counts.
 */
public final class RowConverter {

    private static final String NULL_INTO_NOT_NULL = "NULL into NOT NULL column";

    private final TableCopy copy;
    private final ValueConverter[] converters;
    private final boolean[] notNull;
    private final RowKeys rowKeys;
    /** The last row's values as COPY will carry them. */
    private final String[] converted;
    /** Per column, the values the converters changed on purpose, for the report and for check. */
    private final ColumnTallies[] tallies;
    /** Per timestamp or date column (others stay 0): values stored as text, and as numbers (read as epochs). */
    private final long[] textValues;

    private final long[] numberValues;
    private final boolean[] readsEpochs;

    public RowConverter(TableCopy copy) {
        this.copy = copy;
        this.converters = copy.converters();
        this.notNull = copy.notNull();
        this.rowKeys = RowKeys.of(copy);
        this.converted = new String[converters.length];
        this.tallies = new ColumnTallies[converters.length];
        this.textValues = new long[converters.length];
        this.numberValues = new long[converters.length];
        this.readsEpochs = new boolean[converters.length];
        for (int i = 0; i < converters.length; i++) {
            tallies[i] = new ColumnTallies();
            readsEpochs[i] = converters[i].numbersReadAs() != null;
        }
    }

    /**
     * Converts every value of the row. Every value the target would refuse is handed to {@code refused}, not only the
     * first, so one pass over a source finds them all.
     *
     * @return how many values of the row were refused; when none, {@link #encode} writes the row
     */
    public int convert(SourceRow row, Consumer<RowRefusal> refused) {
        Object[] values = row.values();
        int bad = 0;
        for (int i = 0; i < converted.length; i++) {
            Object value = values[i];
            converted[i] = null;
            if (value instanceof OversizedValue oversized) {
                // Measured, not read: no converter ever sees it.
                refused.accept(
                        refusal(row, i, oversized.toString(), oversized.reason(), ReasonKinds.of(oversized.reason())));
                bad++;
                continue;
            }
            if (readsEpochs[i]) {
                if (value instanceof String) {
                    textValues[i]++;
                } else if (value instanceof Long || value instanceof Double) {
                    numberValues[i]++;
                }
            }
            try {
                converted[i] = converters[i].convert(value, tallies[i]);
            } catch (ConversionRefusedException e) {
                refused.accept(refusal(
                        row,
                        i,
                        ValueDescriptions.describe(value),
                        e.getMessage() + " (target type " + copy.targetTypes().get(i) + ")",
                        ReasonKinds.of(e.getMessage())));
                bad++;
                continue;
            }
            if (converted[i] == null && notNull[i]) {
                String reason = NULL_INTO_NOT_NULL + " " + copy.targetTable() + "."
                        + copy.targetColumns().get(i);
                refused.accept(refusal(row, i, ValueDescriptions.describe(value), reason, reason));
                bad++;
            }
        }
        return bad;
    }

    /** Appends the row last converted, which had no refused value, as one line of COPY text. */
    public void encode(CopyTextEncoder encoder) {
        for (int i = 0; i < converted.length; i++) {
            if (i > 0) {
                encoder.separator();
            }
            encoder.value(converted[i]);
        }
        encoder.endRow();
    }

    /** The last row's value of a column as {@link #encode} writes it, before COPY's escaping; null is SQL NULL. */
    public String value(int column) {
        return converted[column];
    }

    private RowRefusal refusal(SourceRow row, int column, String value, String reason, String kind) {
        return new RowRefusal(
                copy.source().name(),
                rowKeys.describe(row),
                copy.sourceColumns().get(column),
                value,
                reason,
                kind);
    }

    /** Per column, the values the converters changed on purpose. */
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
}
