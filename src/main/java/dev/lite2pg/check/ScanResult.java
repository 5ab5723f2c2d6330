package dev.lite2pg.check;

import dev.lite2pg.copy.ReasonKinds;
import dev.lite2pg.copy.RowRefusal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan of the whole source found, as data: per table the rows read and the values refused, per source column
 * and kind of reason a count with the first examples, and the file listing every one of them.
 *
 * @param tables parents first
 * @param valueProblems values the copy would refuse, per source column and kind of reason, tables parents first
 * @param referenceProblems orphan references, per foreign key: these values convert, the foreign key refuses them
 * @param orphans per target foreign key ({@code table.name}) whose columns are all copied: the source rows whose
 *     reference finds no parent in the copy; keys that cannot be checked on the source are absent
 * @param badValuesFile every bad value, one line each; null when there is none
 * @param mixedColumns columns mixing text timestamps and numbers, one warning line each (see {@link ScanWarnings})
 * @param adjustments values the conversions will change because the job asked for it, one warning line per column and kind
 */
public record ScanResult(
        List<TableScan> tables,
        List<ProblemGroup> valueProblems,
        List<ProblemGroup> referenceProblems,
        Map<String, Long> orphans,
        Path badValuesFile,
        List<String> mixedColumns,
        List<String> adjustments) {

    /** The first examples of each group kept in memory; the file holds all of them. */
    public static final int EXAMPLES_PER_GROUP = 20;

    public ScanResult {
        tables = List.copyOf(tables);
        valueProblems = List.copyOf(valueProblems);
        referenceProblems = List.copyOf(referenceProblems);
        orphans = Collections.unmodifiableMap(new LinkedHashMap<>(orphans));
        mixedColumns = List.copyOf(mixedColumns);
        adjustments = List.copyOf(adjustments);
    }

    /** What passes but deserves a look before the cutover: mixed columns, then adjustments. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(mixedColumns);
        all.addAll(adjustments);
        return all;
    }

    /**
     * @param badValues values the copy would refuse (conversions and NULLs into NOT NULL columns)
     * @param badRows rows holding at least one such value: what a quarantine would set aside
     */
    public record TableScan(String source, String target, long rowsScanned, long badValues, long badRows) {}

    /** @param examples the first {@link #EXAMPLES_PER_GROUP} found, in the order found */
    /**
     * @param kind the reason with what varies taken out, what the group is counted by
     * @param wording what the group's reasons say, as people read it: see {@link ReasonKinds#text}
     */
    public record ProblemGroup(
            String table, String column, String kind, String wording, long count, List<RowRefusal> examples) {
        public ProblemGroup {
            examples = List.copyOf(examples);
        }

        /** A group of one wording: reasons that are all alike. */
        public ProblemGroup(String table, String column, String kind, long count, List<RowRefusal> examples) {
            this(table, column, kind, ReasonKinds.text(null, kind), count, examples);
        }
    }

    /** Values first, then references. */
    public List<ProblemGroup> problems() {
        List<ProblemGroup> all = new ArrayList<>(valueProblems);
        all.addAll(referenceProblems);
        return all;
    }

    public boolean hasProblems() {
        return !valueProblems.isEmpty() || !referenceProblems.isEmpty();
    }

    public long rowsScanned() {
        return tables.stream().mapToLong(TableScan::rowsScanned).sum();
    }

    /** Values the copy itself would refuse, orphan references not included. */
    public long badValues() {
        return tables.stream().mapToLong(TableScan::badValues).sum();
    }

    public long badRows() {
        return tables.stream().mapToLong(TableScan::badRows).sum();
    }

    public long orphanReferences() {
        return orphans.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Everything listed in {@link #badValuesFile()}: bad values and orphan references. */
    public long problemCount() {
        return problems().stream().mapToLong(ProblemGroup::count).sum();
    }
}
