package dev.lite2pg.validate;

import dev.lite2pg.checksum.RowHash;
import dev.lite2pg.copy.CopyTextEncoder;
import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.postgres.ContentChecksums;
import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.postgres.ContentChecksums.Difference;
import dev.lite2pg.postgres.ContentChecksums.ScratchLoad;
import dev.lite2pg.postgres.QuarantineTable;
import dev.lite2pg.quarantine.RowJson;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.RowidRange;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Compares a copied table's content with its source, all rows: the source is read again from the run's snapshot by
 * the copy's own reader and converters, COPYed into a scratch table shaped like the target, and PostgreSQL
 * checksums both. A large table is read in rowid ranges at the same time, each on its own connection; the
 * checksums of the parts add up. Every connection works in its own transaction, which is rolled back: the check
 * writes nothing that outlives it and leaves the caller's transaction alone.
 */
public final class ContentCheck implements AutoCloseable {

    private static final int SHOWN_DIFFERENCES = 10;
    /** Rows per SQLite page: the reader seeks once per page, so larger pages read faster than the copy's chunks. */
    private static final int PAGE_ROWS = 10_000;
    /** Bytes handed to COPY at a time: PostgreSQL parses them while the next are read and converted. */
    private static final int WRITE_BYTES = 1 << 18;
    /** Pages (8 KiB) a range of the stored rows holds at least, so a small table is read in one go. */
    private static final long MIN_PAGES = 1_000;

    private final DataSource dataSource;
    private final Path sourceFile;
    private final int parallelism;
    private final ReadBudget budget;
    private final ExecutorService workers;
    private final Optional<QuarantineTable> quarantine;

    /**
     * @param parallelism connections used at once, besides the caller's; each reads one part of a table
     * @param quarantine the run's quarantined rows, left out of the source side; empty when nothing was quarantined
     */
    public ContentCheck(DataSource dataSource, Path sourceFile, int parallelism, Optional<QuarantineTable> quarantine) {
        this.dataSource = dataSource;
        this.sourceFile = sourceFile;
        this.parallelism = parallelism;
        this.budget = ReadBudget.forThisJvm(parallelism);
        this.quarantine = quarantine;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "lite2pg-content-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The fast way first, when the copy kept a checksum of the rows it stored ({@code copied}, see
     * {@link dev.lite2pg.checksum.CopiedChecksum}): the same checksum of what PostgreSQL stored, read back as text in
     * page ranges at once, must equal it. On a difference, or without a copied checksum, or for a column type without
     * a canonical form, the table is compared as {@link #check(TableCopy)} does, which names the differing rows.
     */
    public Compared check(TableCopy copy, Optional<Checksum> copied) throws SQLException {
        if (copied.isEmpty() || RowHash.forTypes(copy.targetTypes()).isEmpty()) {
            return new Compared(check(copy), false);
        }
        Checksum stored = storedChecksum(copy);
        if (!stored.equals(copied.get())) {
            return new Compared(check(copy), false);
        }
        return new Compared(
                new ContentCheckResult(
                        copy.targetTable(),
                        copied.get().rows(),
                        stored.rows(),
                        copied.get().digest(),
                        stored.digest(),
                        true,
                        List.of()),
                true);
    }

    /**
     * @param byText whether the checksums are the copy's and the stored rows' text checksums ({@link RowHash}), not
     *     PostgreSQL's: the two kinds of digest differ for the same rows
     */
    public record Compared(ContentCheckResult result, boolean byText) {

        /** The target's digest, marked when it is a text checksum, for whoever computes it again later. */
        public String targetDigest() {
            return byText ? Checksum.TEXT_DIGEST + result.targetChecksum() : result.targetChecksum();
        }
    }

    private Checksum storedChecksum(TableCopy copy) throws SQLException {
        List<String> keys = keyColumns(copy);
        List<long[]> ranges = inTransaction(copy, keys, sql -> sql.pageRanges(parallelism, MIN_PAGES));
        List<Future<Checksum>> parts = new ArrayList<>();
        for (long[] range : ranges) {
            parts.add(workers.submit(() -> inTransaction(
                    copy,
                    keys,
                    sql -> sql.storedChecksum(
                            RowHash.forTypes(copy.targetTypes()).orElseThrow(), range[0], range[1]))));
        }
        Checksum stored = Checksum.NONE;
        for (Future<Checksum> part : parts) {
            stored = stored.plus(result(part));
        }
        return stored;
    }

    /**
     * With quarantined rows the source side is the source without them: rows refused on their way in are skipped by
     * their reader key, rows taken out of the target afterwards are subtracted as they were copied, and rows orphans:
     * set-null changed are subtracted as copied and added as changed.
     */
    public ContentCheckResult check(TableCopy copy) throws SQLException {
        List<String> keys = keyColumns(copy);
        Set<String> refused = refusedKeys(copy);
        List<Future<Checksum>> sourceParts = new ArrayList<>();
        for (RowidRange part : parts(copy)) {
            sourceParts.add(workers.submit(() -> inTransaction(copy, keys, sql -> {
                sql.createScratch();
                load(copy, part, sql, refused);
                return sql.scratchChecksum();
            })));
        }
        Future<Checksum> targetChecksum =
                workers.submit(() -> inTransaction(copy, keys, ContentChecksums::targetChecksum));
        Checksum source = Checksum.NONE;
        for (Future<Checksum> part : sourceParts) {
            source = source.plus(result(part));
        }
        if (quarantine.isPresent()) {
            QuarantineTable quarantined = quarantine.get();
            source = source.minus(inTransaction(copy, keys, sql -> {
                        sql.createScratch();
                        sql.loadScratchFromJson(quarantined.takenFromTarget(copy.targetTable()));
                        return sql.scratchChecksum();
                    }))
                    .plus(inTransaction(copy, keys, sql -> {
                        sql.createScratch();
                        sql.loadScratchFromJson(quarantined.changedInTarget(copy.targetTable()));
                        return sql.scratchChecksum();
                    }));
        }
        Checksum target = result(targetChecksum);
        boolean matches = source.equals(target);
        List<String> differences = matches
                ? List.of()
                : inTransaction(copy, keys, sql -> {
                    // Only now is the whole source worth holding at once: a second read finds the differing rows.
                    sql.createScratch();
                    load(copy, RowidRange.ALL, sql, refused);
                    return sql.differences(SHOWN_DIFFERENCES).stream()
                            .map(ContentCheck::describe)
                            .toList();
                });
        return new ContentCheckResult(
                copy.targetTable(),
                source.rows(),
                target.rows(),
                source.digest(),
                target.digest(),
                matches,
                differences);
    }

    private Set<String> refusedKeys(TableCopy copy) throws SQLException {
        if (quarantine.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return quarantine.get().sourceKeys(connection, copy.targetTable());
        }
    }

    private List<RowidRange> parts(TableCopy copy) throws SQLException {
        try (SqliteSource sqlite = SqliteSource.open(sourceFile)) {
            return RowidRange.parts(sqlite.connection(), copy.source(), parallelism);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(ContentChecksums sql) throws SQLException;
    }

    private <T> T inTransaction(TableCopy copy, List<String> keys, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return work.on(new ContentChecksums(
                        connection,
                        copy.targetSchema(),
                        copy.targetTable(),
                        copy.targetColumns(),
                        copy.targetTypes(),
                        keys));
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static <T> T result(Future<T> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing content", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("comparing content failed: " + e.getCause(), e.getCause());
        }
    }

    /** Why the verdict must be FAIL for this table, if it must. */
    public static Optional<String> problem(ContentCheckResult result) {
        if (result.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                "table " + result.table() + ": content differs from the source (checksum " + result.sourceChecksum()
                        + " over " + result.sourceRows() + " source rows, " + result.targetChecksum() + " over "
                        + result.targetRows()
                        + " target rows); first differences: " + String.join("; ", result.firstDifferences()));
    }

    /**
     * Reads and converts exactly as the copy does (same reader, same row converter), so what lands in the scratch
     * table is what the copy sent. The converter's tallies are dropped: the copy already counted them for the report.
     * Every row the copy refused is skipped by its key, so a refused value here means the source is not what was copied.
     */
    private void load(TableCopy copy, RowidRange part, ContentChecksums sql, Set<String> refused) throws SQLException {
        SqliteTableReader reader =
                new SqliteTableReader(sourceFile, copy.source(), copy.sourceColumns(), PAGE_ROWS, budget);
        reader.open(part);
        CopyTextEncoder encoder = new CopyTextEncoder(WRITE_BYTES * 2);
        RowConverter converter = new RowConverter(copy);
        List<RowRefusal> refusals = new ArrayList<>();
        Consumer<RowRefusal> collectRefusal = refusals::add;
        try (ScratchLoad scratch = sql.loadScratch()) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                if (!refused.isEmpty() && refused.contains(RowJson.key(row.key()))) {
                    continue;
                }
                if (converter.convert(row, collectRefusal) > 0) {
                    throw new IllegalStateException("comparing the content of " + copy.targetTable()
                            + " with its source: the copy took this row but its value is refused now: "
                            + refusals.get(0));
                }
                converter.encode(encoder);
                if (encoder.length() >= WRITE_BYTES) {
                    scratch.write(encoder.buffer(), encoder.length());
                    encoder.reset();
                }
            }
            scratch.write(encoder.buffer(), encoder.length());
            scratch.finish();
        } finally {
            reader.close();
        }
    }

    /** The source's primary key under its target names, when the copy writes all of it; else rows are named by value. */
    static List<String> keyColumns(TableCopy copy) {
        return copy.targetKeyColumns();
    }

    static String describe(Difference d) {
        if (d.missingFromTarget() > 0 && d.extraInTarget() > 0) {
            return d.key() + ": values differ" + (d.columns().isEmpty() ? "" : " in " + String.join(", ", d.columns()));
        }
        if (d.missingFromTarget() > 0) {
            return d.key() + ": missing from the target" + times(d.missingFromTarget());
        }
        return d.key() + ": extra in the target" + times(d.extraInTarget());
    }

    private static String times(long n) {
        return n == 1 ? "" : " (" + n + " rows)";
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
