package dev.lite2pg.postgres;

import dev.lite2pg.report.SequenceCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves every sequence past the ids the copy wrote, and past SQLite's AUTOINCREMENT high-water mark, because an
 * AUTOINCREMENT id that was used and deleted must never be handed out again. Setting a sequence to the same value
 * twice is harmless, so this can be re-run.
 */
public final class Sequences {

    private final TargetDatabase target;

    public Sequences(TargetDatabase target) {
        this.target = target;
    }

    /**
     * @param highWaterByTargetTable SQLite's sqlite_sequence values, keyed by the target table their source table maps to
     */
    public List<SequenceCheck> advance(Map<String, Long> highWaterByTargetTable) {
        return visit(highWaterByTargetTable, true);
    }

    /** The same checks as {@link #advance}, read-only: for validation, which may run again on its own. */
    public List<SequenceCheck> inspect(Map<String, Long> highWaterByTargetTable) {
        return visit(highWaterByTargetTable, false);
    }

    private List<SequenceCheck> visit(Map<String, Long> highWaterByTargetTable, boolean move) {
        Map<String, List<SequenceUse>> bySequence = new LinkedHashMap<>();
        for (SequenceUse use : target.sequenceUses()) {
            bySequence.computeIfAbsent(use.sequence(), k -> new ArrayList<>()).add(use);
        }
        List<SequenceCheck> checks = new ArrayList<>();
        for (Map.Entry<String, List<SequenceUse>> entry : bySequence.entrySet()) {
            Long highest = null;
            Long highWater = null;
            for (SequenceUse use : entry.getValue()) {
                highest = max(highest, target.maxValue(use.table(), use.column()));
                highWater = max(highWater, highWaterByTargetTable.get(use.table()));
            }
            long floor = Math.max(highest == null ? 0 : highest, highWater == null ? 0 : highWater);
            if (move && floor > 0) {
                target.setSequencePast(entry.getKey(), floor);
            }
            long next = target.nextValue(entry.getKey());
            SequenceUse first = entry.getValue().get(0);
            checks.add(new SequenceCheck(entry.getKey(), first.table(), first.column(), highest, highWater, next));
        }
        return checks;
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
