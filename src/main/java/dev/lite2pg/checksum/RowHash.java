package dev.lite2pg.checksum;

import java.util.List;
import java.util.Optional;

/**
 * A 64-bit hash of a row over the copied columns, column by column in order, each value by its type's canonical form
 * ({@link ValueHashes}). Decided once per table; one per thread (a jsonb column's hash reuses its state).
 */
public final class RowHash {

    private static final long NULL = 0x6e756c6c00000021L;
    private static final long ROW = 0x726f770000000022L;

    private final ValueHash[] columns;

    private RowHash(ValueHash[] columns) {
        this.columns = columns;
    }

    /** For columns of these types ({@code format_type}), or empty when one of them has no canonical form. */
    public static Optional<RowHash> forTypes(List<String> types) {
        ValueHash[] columns = new ValueHash[types.size()];
        for (int i = 0; i < columns.length; i++) {
            Optional<ValueHash> hash = ValueHashes.forType(types.get(i));
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            columns[i] = hash.get();
        }
        return Optional.of(new RowHash(columns));
    }

    /** @param values the row's values as COPY text carries them, unescaped; null is SQL NULL */
    public long of(String[] values) {
        long h = ROW;
        for (int i = 0; i < columns.length; i++) {
            String value = values[i];
            h = Hashing.mix(h ^ (value == null ? NULL : columns[i].of(value)));
        }
        return h;
    }

    public int width() {
        return columns.length;
    }
}
