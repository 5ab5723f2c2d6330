package dev.lite2pg.check;

import dev.lite2pg.check.ScanResult.TableScan;
import dev.lite2pg.copy.RefusedRows;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The bad rows a cutover's copy met under {@code on-bad-row: fail}, kept the way {@link SourceScanner} keeps what it
 * finds (counts and first examples per column and kind of reason, every one in the bad-values file), so that a
 * refused copy lists its problems in the same words and files as {@code check}.
 */
public final class CopyRefusals implements RefusedRows {

    private final BadValuesFile file;
    private final ProblemTally tally;
    /** Per source table: bad values, bad rows. */
    private final Map<String, long[]> counts = new HashMap<>();
    /** Read on every chunk of every table; set once. */
    private volatile boolean any;

    /** @param badValuesFile where every bad value is listed (CSV); created only when there is one */
    public CopyRefusals(Path badValuesFile) {
        this.file = new BadValuesFile(badValuesFile);
        this.tally = new ProblemTally(file);
    }

    @Override
    public void refuse(List<RowRefusal> row) {
        if (row.isEmpty()) {
            throw new IllegalArgumentException("a refused row names at least one value");
        }
        synchronized (counts) {
            long[] table = counts.computeIfAbsent(row.get(0).table(), t -> new long[2]);
            table[0] += row.size();
            table[1]++;
        }
        row.forEach(tally::add);
        any = true;
    }

    @Override
    public boolean any() {
        return any;
    }

    /**
     * What the copy met, as a scan's result (no orphan reference: those are judged before the copy). Closes the
     * bad-values file: call it once the copy is over.
     *
     * @param copies the plan's tables, in the order their problems are listed
     * @param rowsRead the source rows the copy read of each table
     */
    public ScanResult result(List<TableCopy> copies, ToLongFunction<TableCopy> rowsRead) {
        file.close();
        List<TableScan> tables;
        synchronized (counts) {
            tables = copies.stream()
                    .map(c -> {
                        long[] n = counts.getOrDefault(c.source().name(), new long[2]);
                        return new TableScan(c.source().name(), c.targetTable(), rowsRead.applyAsLong(c), n[0], n[1]);
                    })
                    .toList();
        }
        return new ScanResult(
                tables,
                tally.groups(SourceScanner.tableOrder(copies), SourceScanner.columnOrder(copies)),
                List.of(),
                Map.of(),
                file.written(),
                List.of(),
                List.of());
    }
}
