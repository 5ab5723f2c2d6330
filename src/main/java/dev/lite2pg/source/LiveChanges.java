package dev.lite2pg.source;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.progress.ProgressFormat;
import dev.lite2pg.sqlite.SqliteFiles;
import dev.lite2pg.sqlite.SqliteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much a live SQLite file has changed since the snapshot a run copied from, for a cutover that let the
 * application keep writing: the verdict is "complete as of the snapshot", and this says how far the source has moved
 * on since. A measurement, not a consistent read: the application may write while the files are read.
 *
 * @param pagesDiffering pages whose content differs between the snapshot and the live database as a reader sees it
 *     now (its main file with the committed frames of its write-ahead log laid over it); a page in one only counts
 * @param pages the pages compared: the larger of the two databases' page counts
 * @param walPages committed frames in the live file's write-ahead log (0 without one): recent writes that are not yet
 *     in its main file. They are part of what {@code pagesDiffering} compares, not something besides it
 * @param tables each ordinary table's rows in the snapshot and now, by name; a table in one only has 0 in the other
 */
public record LiveChanges(long pagesDiffering, long pages, long walPages, List<TableRows> tables) {

    public LiveChanges {
        tables = List.copyOf(tables);
    }

    public record TableRows(String table, long atSnapshot, long now) {

        public boolean changed() {
            return atSnapshot != now;
        }
    }

    /**
     * Bytes of page 1 (the file header) that differ between a database and its fresh backup although no row or
     * schema did, found by comparing sources with their snapshots (LiveChangesTest): 18-19, the file format versions,
     * are 2 in a WAL-mode source and 1 in the snapshot (SqliteBackup turns it into a rollback-journal file); 24-27,
     * the file change counter, and 92-95, the change count the in-header size is valid for, count writes to each file
     * on its own; 40-43, the schema cookie, is set by the backup to the destination's own plus one (so that a
     * connection to it reloads the schema), whatever the source's is: a schema change since still shows, as the
     * sqlite_schema rows it rewrote; 96-99 is the version of the SQLite library that last wrote the file, the
     * application's in one and lite2pg's in the other.
     */
    private static final int[][] IGNORED_HEADER_RANGES = {{18, 20}, {24, 28}, {40, 44}, {92, 100}};

    /** Read this much of each file at a time: large reads are what makes 450 MiB take a fraction of a second. */
    private static final int BLOCK = 8 << 20;

    private static final int MAX_PAGE_SIZE = 65536;
    private static final int WAL_HEADER = 32;
    private static final int WAL_FRAME_HEADER = 24;
    private static final int WAL_MAGIC = 0x377f0682;

    /** Compares {@code snapshot} with {@code live} and counts each one's rows; never writes to either. */
    public static LiveChanges since(Path snapshot, Path live) {
        SqliteFiles.requireDatabase(snapshot);
        SqliteFiles.requireDatabase(live);
        Pages pages;
        try {
            pages = comparePages(snapshot, live);
        } catch (IOException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "cannot compare the live source " + live + " with its snapshot " + snapshot + ": " + e.getMessage(),
                    e);
        }
        Map<String, Long> then = rowCounts(snapshot);
        Map<String, Long> now = rowCounts(live);
        TreeSet<String> names = new TreeSet<>(then.keySet());
        names.addAll(now.keySet());
        List<TableRows> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new TableRows(name, then.getOrDefault(name, 0L), now.getOrDefault(name, 0L)));
        }
        return new LiveChanges(pages.differing, pages.compared, pages.walFrames, tables);
    }

    /** Nothing differs at all: no page, no table's row count. */
    public boolean none() {
        return pagesDiffering == 0 && tables.stream().noneMatch(TableRows::changed);
    }

    /** One console line: how many pages differ and the row counts of the tables whose counts changed. */
    public String describe() {
        if (none()) {
            return "the live source has not changed since the snapshot: all " + ProgressFormat.count(pages)
                    + " pages are the same";
        }
        StringBuilder line = new StringBuilder("the live source has changed since the snapshot: ")
                .append(ProgressFormat.count(pagesDiffering))
                .append(" of ")
                .append(ProgressFormat.count(pages))
                .append(pagesDiffering == 1 ? " pages differs" : " pages differ");
        if (walPages > 0) {
            line.append(", ")
                    .append(ProgressFormat.count(walPages))
                    .append(walPages == 1 ? " page" : " pages")
                    .append(" in its write-ahead log");
        }
        List<String> changed = tables.stream()
                .filter(TableRows::changed)
                .map(t -> t.table() + " " + ProgressFormat.count(t.now()) + " (" + ProgressFormat.count(t.atSnapshot())
                        + ")")
                .toList();
        line.append(
                changed.isEmpty()
                        ? "; row counts unchanged"
                        : "; rows now (at the snapshot): " + String.join(", ", changed));
        return line.toString();
    }

    private static Pages comparePages(Path snapshot, Path live) throws IOException {
        try (FileChannel old = FileChannel.open(snapshot, StandardOpenOption.READ);
                FileChannel main = FileChannel.open(live, StandardOpenOption.READ)) {
            ByteBuffer oldHeader = header(old);
            ByteBuffer liveHeader = header(main);
            int pageSize = pageSize(liveHeader);
            boolean walMode = liveHeader.get(18) == 2;
            Wal wal = walMode ? Wal.read(Path.of(live + "-wal"), pageSize) : Wal.NONE;
            long oldPages = old.size() / pageSize(oldHeader);
            long livePages = wal.pages > 0 ? wal.pages : main.size() / pageSize;
            long pages = Math.max(oldPages, livePages);
            if (pageSize(oldHeader) != pageSize) {
                // VACUUM with another page_size: no page lines up with one of the snapshot.
                return new Pages(pages, pages, wal.frames);
            }
            long differing = 0;
            int blockPages = BLOCK / pageSize;
            ByteBuffer oldBlock = ByteBuffer.allocateDirect(BLOCK);
            ByteBuffer liveBlock = ByteBuffer.allocateDirect(BLOCK);
            ByteBuffer walPage = ByteBuffer.allocateDirect(pageSize);
            try (FileChannel log = wal.latest.isEmpty() ? null : FileChannel.open(wal.file, StandardOpenOption.READ)) {
                for (long first = 0; first < pages; first += blockPages) {
                    long position = first * pageSize;
                    int oldBytes = fill(old, oldBlock, position);
                    int liveBytes = fill(main, liveBlock, position);
                    for (int i = 0; i < blockPages && first + i < pages; i++) {
                        long page = first + i;
                        ByteBuffer before = page < oldPages && (i + 1) * pageSize <= oldBytes
                                ? oldBlock.slice(i * pageSize, pageSize)
                                : null;
                        ByteBuffer after = null;
                        Long frame = wal.latest.get(page + 1); // SQLite numbers pages from 1
                        if (frame != null) {
                            after = fill(log, walPage, frame) == pageSize ? walPage.slice(0, pageSize) : null;
                        } else if (page < livePages && (i + 1) * pageSize <= liveBytes) {
                            after = liveBlock.slice(i * pageSize, pageSize);
                        }
                        if (before == null || after == null || !same(page, before, after)) {
                            differing++;
                        }
                    }
                }
            }
            return new Pages(differing, pages, wal.frames);
        }
    }

    private record Pages(long differing, long compared, long walFrames) {}

    private static boolean same(long page, ByteBuffer before, ByteBuffer after) {
        if (page > 0) {
            return before.mismatch(after) < 0;
        }
        byte[] a = new byte[before.remaining()];
        byte[] b = new byte[after.remaining()];
        before.get(a);
        after.get(b);
        for (int[] range : IGNORED_HEADER_RANGES) {
            for (int i = range[0]; i < range[1]; i++) {
                a[i] = 0;
                b[i] = 0;
            }
        }
        return Arrays.equals(a, b);
    }

    private static ByteBuffer header(FileChannel file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(100);
        if (fill(file, header, 0) < 100) {
            throw new IOException("shorter than a SQLite header (100 bytes)");
        }
        return header;
    }

    /** The page size at offset 16 (big-endian), where 1 stands for 65536, which two bytes cannot hold. */
    private static int pageSize(ByteBuffer header) throws IOException {
        int size = Short.toUnsignedInt(header.getShort(16));
        if (size == 1) {
            return MAX_PAGE_SIZE;
        }
        if (size < 512 || Integer.bitCount(size) != 1) {
            throw new IOException("its header names page size " + size + ", which SQLite never writes");
        }
        return size;
    }

    /** Reads from {@code position} until {@code buffer} is full or the file ends; returns the bytes read. */
    private static int fill(FileChannel file, ByteBuffer buffer, long position) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            int n = file.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.position();
    }

    /**
     * The committed part of a write-ahead log, as SQLite reads it: frames whose salts match the log's header and
     * whose running checksum holds, up to the last frame that ends a transaction. A frame after it belongs to a
     * transaction still being written (or to an older generation of the log, which SQLite rewrites from its start
     * after a checkpoint without shortening the file): counting the file's frames by its size would count frames no
     * reader sees.
     *
     * @param latest page number (from 1) to the file offset of its latest committed content
     * @param frames committed frames
     * @param pages the database's size in pages after the last committed transaction; 0 without one
     */
    private record Wal(Path file, Map<Long, Long> latest, long frames, long pages) {

        static final Wal NONE = new Wal(null, Map.of(), 0, 0);

        static Wal read(Path file, int pageSize) throws IOException {
            if (!Files.isRegularFile(file)) {
                return NONE;
            }
            try (FileChannel log = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(WAL_HEADER);
                if (fill(log, header, 0) < WAL_HEADER
                        || (header.getInt(0) & ~1) != WAL_MAGIC
                        || header.getInt(8) != pageSize) {
                    return NONE; // empty, or not (yet) a log SQLite would read
                }
                // The magic's low bit says in which byte order the checksums read the data as 32-bit words.
                ByteOrder order = (header.getInt(0) & 1) == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                int[] sum = checksum(header.slice(0, 24).order(order), new int[2]);
                if (sum[0] != header.getInt(24) || sum[1] != header.getInt(28)) {
                    return NONE;
                }
                int salt1 = header.getInt(16);
                int salt2 = header.getInt(20);
                int frameSize = WAL_FRAME_HEADER + pageSize;
                Map<Long, Long> latest = new HashMap<>();
                Map<Long, Long> pending = new HashMap<>();
                long frames = 0;
                long pages = 0;
                ByteBuffer frame = ByteBuffer.allocate(frameSize);
                for (long at = WAL_HEADER; fill(log, frame, at) == frameSize; at += frameSize) {
                    if (frame.getInt(8) != salt1 || frame.getInt(12) != salt2) {
                        break;
                    }
                    checksum(frame.slice(0, 8).order(order), sum);
                    checksum(frame.slice(WAL_FRAME_HEADER, pageSize).order(order), sum);
                    if (sum[0] != frame.getInt(16) || sum[1] != frame.getInt(20)) {
                        break;
                    }
                    pending.put(Integer.toUnsignedLong(frame.getInt(0)), at + WAL_FRAME_HEADER);
                    long commit = Integer.toUnsignedLong(frame.getInt(4));
                    if (commit != 0) {
                        latest.putAll(pending);
                        pending.clear();
                        frames = (at + frameSize - WAL_HEADER) / frameSize;
                        pages = commit;
                    }
                }
                // A commit that shrank the database (VACUUM) leaves frames of pages past its end: not its pages.
                final long size = pages;
                latest.keySet().removeIf(page -> page > size);
                return new Wal(file, latest, frames, pages);
            }
        }

        /** SQLite's WAL checksum over the buffer's remaining 32-bit words, continuing from {@code sum}. */
        private static int[] checksum(ByteBuffer words, int[] sum) {
            int s0 = sum[0];
            int s1 = sum[1];
            while (words.remaining() >= 8) {
                s0 += words.getInt() + s1;
                s1 += words.getInt() + s0;
            }
            sum[0] = s0;
            sum[1] = s1;
            return sum;
        }
    }

    private static Map<String, Long> rowCounts(Path file) {
        Map<String, Long> counts = new TreeMap<>();
        try (SqliteSource source = SqliteSource.open(file)) {
            // One read transaction: every count is of the same moment, however the application writes meanwhile.
            source.connection().setAutoCommit(false);
            source.tables().forEach(table -> counts.put(table.name(), source.rowCount(table.name())));
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "cannot count the rows of " + file + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
