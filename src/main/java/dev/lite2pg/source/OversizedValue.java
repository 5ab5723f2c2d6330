package dev.lite2pg.source;

import java.util.Locale;

/**
 * Stands in a {@link SourceRow} for a value larger than the {@link ReadBudget} allows: the reader measured it in
 * SQLite without reading it. The scan and the copy refuse its row by table, key, column and this size, and no
 * converter ever sees it.
 *
 * @param storageClass SQLite's storage class of the value, {@code TEXT} or {@code BLOB}
 * @param bytes its size in bytes
 * @param reason why it is refused and what to do
 */
public record OversizedValue(String storageClass, long bytes, String reason) {

    /** As {@code ValueDescriptions} describes a value read, and as the quarantine table shows it. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%,d bytes, not read)", storageClass, bytes);
    }
}
