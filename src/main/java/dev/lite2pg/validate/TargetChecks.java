package dev.lite2pg.validate;

import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.postgres.TargetDatabase;
import dev.lite2pg.report.ForeignKeyCheck;
import dev.lite2pg.report.SequenceCheck;
import dev.lite2pg.report.TableReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Post-copy checks on the target, returning findings as data; the caller decides the verdict and exit code. */
public final class TargetChecks {

    private final TargetDatabase target;

    public TargetChecks(TargetDatabase target) {
        this.target = target;
    }

    public List<ForeignKeyCheck> foreignKeys(
            List<TargetForeignKey> keys, Map<String, Long> sourceOrphans, List<String> restored) {
        List<ForeignKeyCheck> checks = new ArrayList<>();
        for (TargetForeignKey key : keys) {
            checks.add(new ForeignKeyCheck(
                    key.name(),
                    key.table(),
                    key.referencedTable(),
                    sourceOrphans.getOrDefault(key.displayName(), -1L),
                    target.orphans(key),
                    restored.contains(key.displayName())));
        }
        return checks;
    }

    /**
     * Why the verdict must be FAIL, one line each; empty when everything matches.
     *
     * @param orphansQuarantined the run quarantined rows whose parent is missing, so orphans in the source are
     *     accounted for by the row counts (source = target + quarantined) rather than a failure
     */
    public static List<String> problems(
            List<TableReport> tables,
            List<ForeignKeyCheck> keys,
            List<SequenceCheck> sequences,
            boolean orphansQuarantined) {
        List<String> problems = new ArrayList<>();
        for (TableReport t : tables) {
            if (!t.countsMatch()) {
                problems.add("table " + t.target() + ": source " + t.source() + " has " + t.sourceRows()
                        + " rows, target has " + t.targetRows()
                        + (t.quarantinedRows() == 0 ? "" : " and " + t.quarantinedRows() + " are quarantined"));
            }
        }
        for (ForeignKeyCheck k : keys) {
            if (k.targetOrphans() != 0) {
                problems.add("foreign key " + k.name() + " on " + k.table() + ": " + k.targetOrphans()
                        + " orphan references in the target");
            }
            if (k.sourceOrphans() > 0 && !orphansQuarantined) {
                problems.add("foreign key " + k.name() + " on " + k.table() + ": " + k.sourceOrphans()
                        + " orphan references in the source");
            }
        }
        for (SequenceCheck s : sequences) {
            if (!s.ok()) {
                problems.add("sequence " + s.sequence() + " would return " + s.nextValue()
                        + ", not past the copied ids of " + s.table() + "." + s.column());
            }
        }
        return problems;
    }
}
