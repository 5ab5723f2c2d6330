package dev.lite2pg.catchup;

import dev.lite2pg.checksum.RowHash;
import dev.lite2pg.copy.CopyTextEncoder;
import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.postgres.PostgresCopyWriter;
import dev.lite2pg.quarantine.QuarantinedRow;
import dev.lite2pg.quarantine.RowJson;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One table's changes between the base snapshot and the new one, read and converted by the copy's own reader and
 * {@link RowConverter}, so a changed row is taken or refused exactly as the copy would take or refuse it. The rows to
 * write (new and changed) and the keys to delete wait in two private files (COPY text, 0600, deleted on close) until
 * the one transaction that applies every table's changes: reading all tables first means a refused value stops the
 * catch-up before anything is written.
 *
 * @param changedRows rows of the new snapshot that the base lacks or holds with other values, converted
 * @param goneKeys keys of base rows the new snapshot lacks, and of changed rows set aside (quarantined), converted
 * @param refusals every refused value of the changed rows
 * @param quarantined the changed rows with a refused value, as the quarantine keeps them (with on-bad-row: quarantine)
 * @param touchedKeys with on-bad-row: quarantine, the reader keys of every changed and deleted row: their older
 *     quarantine entries no longer stand
 * @param checksum how the table's content checksum ({@link RowHash}) moves: the changed rows' new versions added,
 *     the old versions of changed and deleted rows taken away; empty for a column type without a canonical form
 */
public record TableDelta(
        TableCopy copy,
        Path changedFile,
        long changedRows,
        Path goneFile,
        long goneKeys,
        List<RowRefusal> refusals,
        List<QuarantinedRow> quarantined,
        List<String> touchedKeys,
        Optional<Checksum> checksum)
        implements AutoCloseable {

    private static final int PAGE_ROWS = 5_000;
    private static final int FLUSH_BYTES = 1 << 16;

    public TableDelta {
        refusals = List.copyOf(refusals);
        quarantined = List.copyOf(quarantined);
        touchedKeys = List.copyOf(touchedKeys);
    }

    public boolean empty() {
        return changedRows == 0 && goneKeys == 0 && refusals.isEmpty();
    }

    /**
     * Two scans at once, each of one snapshot with the other attached, both through the key's index: the new
     * snapshot's rows that the base lacks or holds otherwise (to write), and the base's rows that the new one lacks or
     * holds otherwise (old versions, whose keys are deleted unless the first scan writes the key again).
     *
     * @param spool the private folder the two files go into
     * @param quarantine whether a row with a refused value is set aside (on-bad-row: quarantine) rather than only listed
     */
    public static TableDelta read(
            TableDiff diff, Path base, Path now, ReadBudget budget, Path spool, boolean quarantine) {
        TableCopy copy = diff.copy();
        String name = "delta-" + copy.order() + "-";
        Path changedFile = spool.resolve(name + "changed.copy");
        Path goneFile = spool.resolve(name + "gone.copy");
        int[] keyIndexes = diff.keyColumns().stream()
                .mapToInt(c -> copy.sourceColumns().indexOf(c))
                .toArray();
        RowKeys rowKeys = RowKeys.of(copy);
        Optional<RowHash> hash = RowHash.forTypes(copy.targetTypes());
        String[] values = new String[copy.width()];
        long hashedRows = 0;
        long hashSum = 0;
        List<RowRefusal> refusals = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        // The source keys the new snapshot still holds among the rows that differ: an old version with one of them
        // was updated, not deleted.
        Set<String> written = new HashSet<>();
        long changed = 0;
        long gone = 0;
        // The base's side is read at the same time, on another thread: the two scans cost the same.
        CompletableFuture<OldVersions> old =
                CompletableFuture.supplyAsync(() -> oldVersions(diff, base, now, budget, keyIndexes));
        try {
            PrivateFiles.file(changedFile);
            PrivateFiles.file(goneFile);
            // Rows of the source: gone with the process however it ends (Ctrl-C included), not only on close.
            changedFile.toFile().deleteOnExit();
            goneFile.toFile().deleteOnExit();
            try (OutputStream changedOut = new BufferedOutputStream(Files.newOutputStream(changedFile));
                    OutputStream goneOut = new BufferedOutputStream(Files.newOutputStream(goneFile))) {
                CopyTextEncoder rows = new CopyTextEncoder(FLUSH_BYTES * 2);
                CopyTextEncoder keys = new CopyTextEncoder(1024);
                RowConverter converter = new RowConverter(copy);
                try (SqliteTableReader reader = new SqliteTableReader(
                                now, copy.source(), copy.sourceColumns(), PAGE_ROWS, budget)
                        .comparedWith(base, diff.changedOrNew())) {
                    reader.open();
                    for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                        if (quarantine) {
                            touched.add(RowJson.key(row.key()));
                        }
                        written.add(sourceKey(row, keyIndexes));
                        List<RowRefusal> bad = new ArrayList<>(0);
                        if (converter.convert(row, bad::add) == 0) {
                            converter.encode(rows);
                            changed++;
                            if (hash.isPresent()) {
                                hashSum += hash.get().of(values(converter, values));
                                hashedRows++;
                            }
                            if (rows.length() >= FLUSH_BYTES) {
                                changedOut.write(rows.buffer(), 0, rows.length());
                                rows.reset();
                            }
                            continue;
                        }
                        refusals.addAll(bad);
                        if (quarantine) {
                            quarantined.add(PostgresCopyWriter.quarantinedForValues(copy, rowKeys, row, bad));
                            // Set aside: the target must not keep the row's older values either.
                            if (encodeKey(converter, keyIndexes, keys)) {
                                gone++;
                            }
                        }
                    }
                    changedOut.write(rows.buffer(), 0, rows.length());
                }
                OldVersions versions = joined(old);
                hashSum -= versions.hashSum();
                hashedRows -= versions.hashedRows();
                for (OldVersion version : versions.rows()) {
                    if (written.contains(version.sourceKey())) {
                        continue; // updated, not deleted
                    }
                    if (quarantine) {
                        touched.add(version.readerKey());
                    }
                    if (version.key() != null) {
                        encodeKey(version.key(), keys);
                        gone++;
                    }
                    if (keys.length() >= FLUSH_BYTES) {
                        goneOut.write(keys.buffer(), 0, keys.length());
                        keys.reset();
                    }
                }
                goneOut.write(keys.buffer(), 0, keys.length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot spool the changes of " + copy.source().name() + " to " + spool, e);
        }
        Optional<Checksum> checksum =
                hash.isPresent() ? Optional.of(new Checksum(hashedRows, hashSum)) : Optional.empty();
        return new TableDelta(copy, changedFile, changed, goneFile, gone, refusals, quarantined, touched, checksum);
    }

    /** The row's source primary key, as one comparable text: the same row in both snapshots has the same one. */
    private static String sourceKey(SourceRow row, int[] keyIndexes) {
        Object[] key = new Object[keyIndexes.length];
        for (int k = 0; k < keyIndexes.length; k++) {
            key[k] = row.values()[keyIndexes[k]];
        }
        return RowJson.key(key);
    }

    private static String[] values(RowConverter converter, String[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = converter.value(i);
        }
        return values;
    }

    /** A base row that the new snapshot lacks or holds otherwise, as far as the catch-up needs it. */
    private record OldVersion(String sourceKey, String readerKey, String[] key) {}

    /** The base's side of a table's changes, and how they move its checksum (to be subtracted). */
    private record OldVersions(List<OldVersion> rows, long hashedRows, long hashSum) {}

    /**
     * The base's rows that the new snapshot lacks or holds with other values, each with its converted key (null when
     * a key value itself was refused: such a row never reached the target), and the checksum of the old versions
     * the target holds (a row with a refused value was never there, and does not count).
     */
    private static OldVersions oldVersions(TableDiff diff, Path base, Path now, ReadBudget budget, int[] keyIndexes) {
        TableCopy copy = diff.copy();
        // Its own: a row hash keeps state between rows (jsonb's), and the other side hashes on another thread.
        Optional<RowHash> hash = RowHash.forTypes(copy.targetTypes());
        List<OldVersion> rows = new ArrayList<>();
        String[] values = new String[copy.width()];
        long hashedRows = 0;
        long hashSum = 0;
        RowConverter converter = new RowConverter(copy);
        try (SqliteTableReader reader = new SqliteTableReader(
                        base, copy.source(), copy.sourceColumns(), PAGE_ROWS, budget)
                .comparedWith(now, diff.changedOrNew())) {
            reader.open();
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                boolean whole = converter.convert(row, refusal -> {}) == 0;
                if (whole && hash.isPresent()) {
                    hashSum += hash.get().of(values(converter, values));
                    hashedRows++;
                }
                String[] key = new String[keyIndexes.length];
                for (int k = 0; k < keyIndexes.length && key != null; k++) {
                    key[k] = converter.value(keyIndexes[k]);
                    if (key[k] == null) {
                        key = null;
                    }
                }
                rows.add(new OldVersion(sourceKey(row, keyIndexes), RowJson.key(row.key()), key));
            }
        }
        return new OldVersions(rows, hashedRows, hashSum);
    }

    /** The base's side, or what stopped it, as itself rather than wrapped. */
    private static OldVersions joined(CompletableFuture<OldVersions> old) {
        try {
            return old.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void encodeKey(String[] key, CopyTextEncoder keys) {
        for (int k = 0; k < key.length; k++) {
            if (k > 0) {
                keys.separator();
            }
            keys.value(key[k]);
        }
        keys.endRow();
    }

    /** Appends the converted key of the row last converted; false when a key value itself was refused (never copied). */
    private static boolean encodeKey(RowConverter converter, int[] keyIndexes, CopyTextEncoder keys) {
        for (int i : keyIndexes) {
            if (converter.value(i) == null) {
                return false;
            }
        }
        for (int k = 0; k < keyIndexes.length; k++) {
            if (k > 0) {
                keys.separator();
            }
            keys.value(converter.value(keyIndexes[k]));
        }
        keys.endRow();
        return true;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(changedFile);
            Files.deleteIfExists(goneFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spooled changes in " + changedFile.getParent(), e);
        }
    }
}
