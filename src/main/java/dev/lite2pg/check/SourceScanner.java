package dev.lite2pg.check;

import dev.lite2pg.check.ScanResult.TableScan;
import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.copy.ColumnTallies;
import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.postgres.ScratchLoad;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.RowidRange;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.sqlite.SqliteTableReader;
import dev.lite2pg.validate.SourceChecks;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads every row of every planned table from the SQLite file (read-only, with the copy's own reader) and converts
 * every value with the copy's own converters, writing nothing (check then loads a scratch schema: see
 * {@link #scan(Path, Consumer, DataSource)}); then lists every orphan reference. Every problem is
 * found, not just the first: counts and first examples in the result, every one of them in the bad-values file.
 *
 * <p>Tables are read in rowid ranges on {@code parallelism} threads, largest tables first, so one big table keeps
 * every core busy: the scan costs a read and conversion pass of the source, and on the cutover's clock.
 */
public final class SourceScanner {

    /** Where check and the cutover's scan step list every bad value, in their folder. */
    public static final String BAD_VALUES_FILE = "bad-values.csv";

    /** Rows per SQLite page: the reader seeks once per page; a page per thread is all the memory a scan holds. */
    private static final int PAGE_ROWS = 5_000;

    private final Path sourceFile;
    private final List<TableCopy> copies;
    private final List<TargetForeignKey> foreignKeys;
    private final int parallelism;
    private final ReadBudget budget;

    /**
     * @param sourceFile the SQLite file, opened read-only
     * @param copies the plan's tables, each with its converters
     * @param foreignKeys the target's foreign keys; those whose columns are all copied are checked for orphans
     */
    public SourceScanner(Path sourceFile, List<TableCopy> copies, List<TargetForeignKey> foreignKeys, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.sourceFile = sourceFile;
        this.copies = List.copyOf(copies);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.parallelism = parallelism;
        this.budget = ReadBudget.forThisJvm(parallelism);
    }

    /**
     * @param badValuesFile where every bad value is listed (CSV); created only when there is one
     * @param tableDone told of each table when its last range is read, from the scanning thread
     */
    public ScanResult scan(Path badValuesFile, Consumer<TableScan> tableDone) {
        return scan(badValuesFile, tableDone, null);
    }

    /**
     * The scan, then, when {@code loadInto} is given, every table loaded into that scratch schema (foreign keys
     * dropped, see {@link ScratchLoad}) so that the rows PostgreSQL refuses are listed with the values that do not
     * convert. For {@code check} only: it writes to {@code loadInto}.
     *
     * @param loadInto a scratch database holding the migrated target schema, or null to write nothing
     */
    public ScanResult scan(Path badValuesFile, Consumer<TableScan> tableDone, DataSource loadInto) {
        return scan(badValuesFile, tableDone, loadInto, true);
    }

    /**
     * Only the orphan references, one SQL query per foreign key, no value read or converted: what a cutover judges
     * before it writes anything, its copy converting every value once (the result's tables are empty).
     */
    public ScanResult references(Path badValuesFile) {
        return scan(badValuesFile, table -> {}, null, false);
    }

    private ScanResult scan(Path badValuesFile, Consumer<TableScan> tableDone, DataSource loadInto, boolean values) {
        List<Part> parts = values ? parts() : List.of();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "lite2pg-scan-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try (BadValuesFile file = new BadValuesFile(badValuesFile)) {
            ProblemTally tally = new ProblemTally(file);
            ProblemTally references = new ProblemTally(file);
            Map<TableCopy, TableTotals> totals = new LinkedHashMap<>();
            if (values) {
                copies.forEach(c -> totals.put(c, new TableTotals(c)));
            }
            parts.forEach(p -> totals.get(p.copy()).partsLeft++);
            List<Future<?>> tasks = new ArrayList<>();
            for (Part part : parts) {
                tasks.add(workers.submit(() -> {
                    Counts counts = read(part, tally);
                    totals.get(part.copy()).add(counts).ifPresent(tableDone);
                    return null;
                }));
            }
            List<Future<OptionalLong>> orphanCounts = new ArrayList<>();
            for (TargetForeignKey key : foreignKeys) {
                orphanCounts.add(workers.submit(orphans(key, references)));
            }
            tasks.forEach(SourceScanner::await);
            if (loadInto != null) {
                dropForeignKeys(loadInto);
                List<Future<?>> loads = new ArrayList<>();
                for (TableCopy copy : copies) {
                    loads.add(workers.submit(() -> {
                        totals.get(copy).refusedByPostgres(load(copy, loadInto, tally));
                        return null;
                    }));
                }
                loads.forEach(SourceScanner::await);
            }
            Map<String, Long> orphans = new LinkedHashMap<>();
            for (int i = 0; i < foreignKeys.size(); i++) {
                OptionalLong count = await(orphanCounts.get(i));
                TargetForeignKey key = foreignKeys.get(i);
                count.ifPresent(n -> orphans.put(key.displayName(), n));
            }
            file.close();
            List<TableScan> tables =
                    totals.values().stream().map(TableTotals::scan).toList();
            return new ScanResult(
                    tables,
                    tally.groups(tableOrder(copies), columnOrder(copies)),
                    references.groups(tableOrder(copies), columnOrder(copies)),
                    orphans,
                    file.written(),
                    totals.values().stream()
                            .flatMap(t -> t.mixedColumns().stream())
                            .toList(),
                    totals.values().stream()
                            .flatMap(t -> t.adjustments().stream())
                            .toList());
        } finally {
            workers.shutdownNow();
        }
    }

    /** One rowid range of one table. */
    private record Part(TableCopy copy, RowidRange range, long estimatedRows) {}

    private List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        try (SqliteSource source = SqliteSource.open(sourceFile)) {
            for (TableCopy copy : copies) {
                List<RowidRange> ranges = RowidRange.parts(source.connection(), copy.source(), parallelism);
                for (RowidRange range : ranges) {
                    parts.add(new Part(copy, range, ranges.size()));
                }
            }
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "source " + sourceFile + ": cannot size its tables: " + e.getMessage(), e);
        }
        // A table split into more ranges is larger: start those first so no thread is left alone with a big table at
        // the end.
        parts.sort(Comparator.comparingLong(Part::estimatedRows).reversed());
        return parts;
    }

    /** One range's sums; the arrays are per column of the table (see {@link RowConverter}). */
    private record Counts(
            long rows, long badValues, long badRows, ColumnTallies[] tallies, long[] textValues, long[] numberValues) {}

    /** The hot loop: one reader, one row at a time, nothing allocated for a good value beyond its conversion. */
    private Counts read(Part part, ProblemTally tally) {
        TableCopy copy = part.copy();
        // Converted exactly as the copy converts, and written nowhere: every value the target would refuse is tallied.
        RowConverter converter = new RowConverter(copy);
        Consumer<RowRefusal> found = tally::add;
        SqliteTableReader reader =
                new SqliteTableReader(sourceFile, copy.source(), copy.sourceColumns(), PAGE_ROWS, budget);
        reader.open(part.range());
        long rows = 0;
        long badValues = 0;
        long badRows = 0;
        try {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                int bad = converter.convert(row, found);
                rows++;
                badValues += bad;
                badRows += bad > 0 ? 1 : 0;
                if ((rows & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("scan of " + copy.source().name() + " interrupted");
                }
            }
        } finally {
            reader.close();
        }
        return new Counts(
                rows, badValues, badRows, converter.tallies(), converter.textValues(), converter.numberValues());
    }

    /**
     * One table read again and copied into the scratch schema, one table per thread: the rows of one table go through
     * one transaction at a time, so two duplicates never wait on each other.
     *
     * @return the rows PostgreSQL refused
     */
    private long load(TableCopy copy, DataSource loadInto, ProblemTally tally) {
        SqliteTableReader reader =
                new SqliteTableReader(sourceFile, copy.source(), copy.sourceColumns(), PAGE_ROWS, budget);
        reader.open();
        try (ScratchLoad load = ScratchLoad.open(loadInto, copy, tally::add)) {
            long rows = 0;
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                load.add(row);
                if ((++rows & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("load of " + copy.source().name() + " interrupted");
                }
            }
            load.finish();
            return load.refusedRows();
        } catch (SQLException e) {
            // Not a refused row (those are listed): the scratch database itself failed.
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED,
                    "cannot load " + copy.source().name() + " into the scratch schema to find the rows PostgreSQL"
                            + " refuses: " + e.getMessage(),
                    e);
        } finally {
            reader.close();
        }
    }

    private static void dropForeignKeys(DataSource scratch) {
        try {
            ScratchLoad.dropForeignKeys(scratch);
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED,
                    "cannot drop the foreign keys of the scratch schema before loading it: " + e.getMessage(),
                    e);
        }
    }

    private Callable<OptionalLong> orphans(TargetForeignKey key, ProblemTally tally) {
        return () -> {
            try (SqliteSource source = SqliteSource.open(sourceFile)) {
                return new SourceChecks(source.connection())
                        .eachOrphan(
                                key,
                                copies,
                                orphan -> tally.add(new RowRefusal(
                                        orphan.child().source().name(),
                                        orphan.rowKey(),
                                        String.join(", ", orphan.columns()),
                                        orphan.values().stream()
                                                .map(ValueDescriptions::describe)
                                                .collect(Collectors.joining(", ")),
                                        orphan.reason(),
                                        orphan.reason())));
            }
        };
    }

    /** A table's sums over its ranges; the thread adding the last range reports the table. */
    private static final class TableTotals {
        private final TableCopy copy;
        private int partsLeft;
        private long rows;
        private long badValues;
        private long badRows;
        private final long[][] adjusted;
        private final long[] textValues;
        private final long[] numberValues;

        TableTotals(TableCopy copy) {
            this.copy = copy;
            this.adjusted = new long[copy.width()][Adjustment.values().length];
            this.textValues = new long[copy.width()];
            this.numberValues = new long[copy.width()];
        }

        synchronized Optional<TableScan> add(Counts counts) {
            rows += counts.rows();
            badValues += counts.badValues();
            badRows += counts.badRows();
            for (int i = 0; i < copy.width(); i++) {
                for (Adjustment a : Adjustment.values()) {
                    adjusted[i][a.ordinal()] += counts.tallies()[i].get(a);
                }
                textValues[i] += counts.textValues()[i];
                numberValues[i] += counts.numberValues()[i];
            }
            return --partsLeft == 0 ? Optional.of(scan()) : Optional.empty();
        }

        /** Rows the scratch load found PostgreSQL refuses: one refused row, one bad value. */
        synchronized void refusedByPostgres(long rows) {
            badValues += rows;
            badRows += rows;
        }

        /** Columns whose numbers are read as epochs among text timestamps, in column order. */
        synchronized List<String> mixedColumns() {
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < copy.width(); i++) {
                if (textValues[i] > 0 && numberValues[i] > 0) {
                    warnings.add(ScanWarnings.mixed(
                            column(i),
                            copy.targetTypes().get(i),
                            textValues[i],
                            numberValues[i],
                            copy.converters()[i].numbersReadAs()));
                }
            }
            return warnings;
        }

        /** Values the conversions change because the job asked for it, per column and kind, in column order. */
        synchronized List<String> adjustments() {
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < copy.width(); i++) {
                for (Adjustment a : Adjustment.values()) {
                    if (a.warns() && adjusted[i][a.ordinal()] > 0) {
                        warnings.add(ScanWarnings.adjusted(column(i), a, adjusted[i][a.ordinal()]));
                    }
                }
            }
            return warnings;
        }

        private String column(int i) {
            return copy.source().name() + "." + copy.sourceColumns().get(i);
        }

        synchronized TableScan scan() {
            return new TableScan(copy.source().name(), copy.targetTable(), rows, badValues, badRows);
        }
    }

    /** Problems are listed in the plan's table order... */
    static ToIntFunction<String> tableOrder(List<TableCopy> copies) {
        Map<String, Integer> order = new HashMap<>();
        for (TableCopy copy : copies) {
            order.putIfAbsent(copy.source().name(), order.size());
        }
        return table -> order.getOrDefault(table, Integer.MAX_VALUE);
    }

    /** ...and, within a table, in its column order. */
    static ToIntFunction<RowRefusal.Group> columnOrder(List<TableCopy> copies) {
        Map<String, TableCopy> bySource = new HashMap<>();
        copies.forEach(c -> bySource.put(c.source().name(), c));
        return group -> {
            TableCopy copy = bySource.get(group.table());
            int index = copy == null ? -1 : copy.sourceColumns().indexOf(group.column());
            return index < 0 ? Integer.MAX_VALUE : index;
        };
    }

    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning the source", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof SQLException sql) {
                throw new Lite2pgException(ErrorCode.PRECONDITION, "cannot read the source: " + sql.getMessage(), sql);
            }
            throw new IllegalStateException("scanning the source failed: " + e.getCause(), e.getCause());
        }
    }
}
