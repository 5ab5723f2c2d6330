package dev.lite2pg.check;

import dev.lite2pg.check.ScanResult.ProblemGroup;
import dev.lite2pg.copy.ReasonKinds;
import dev.lite2pg.copy.RowRefusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Counts bad values per source column and kind of reason, keeps the first examples of each, and hands every one to
 * the full list on disk. Memory stays bounded however dirty the source: at most {@value #KINDS_PER_COLUMN} kinds per
 * column (the rest are counted as {@value #OTHER}) and {@value ScanResult#EXAMPLES_PER_GROUP} examples per kind.
 * Safe to call from several scanning threads; a clean source never takes the lock.
 */
final class ProblemTally {

    static final int KINDS_PER_COLUMN = 50;
    static final String OTHER = "other reasons";

    private final BadValuesFile file;
    private final Map<RowRefusal.Group, Group> groups = new HashMap<>();
    private final Map<List<String>, Integer> kindsPerColumn = new HashMap<>();

    private static final class Group {
        long count;
        final List<RowRefusal> examples = new ArrayList<>();
        /** What every reason of the group says alike (see ReasonKinds.wording); null when they are unalike. */
        String[] wording;
    }

    ProblemTally(BadValuesFile file) {
        this.file = file;
    }

    synchronized void add(RowRefusal bad) {
        RowRefusal.Group key = bad.group();
        Group group = groups.get(key);
        if (group == null) {
            List<String> column = List.of(bad.table(), bad.column());
            int kinds = kindsPerColumn.merge(column, 1, Integer::sum);
            if (kinds > KINDS_PER_COLUMN) {
                key = new RowRefusal.Group(bad.table(), bad.column(), OTHER);
            }
            group = groups.computeIfAbsent(key, k -> new Group());
        }
        group.wording =
                group.count == 0 ? ReasonKinds.wording(bad.reason()) : ReasonKinds.merge(group.wording, bad.reason());
        group.count++;
        if (group.examples.size() < ScanResult.EXAMPLES_PER_GROUP) {
            group.examples.add(bad);
        }
        file.write(bad);
    }

    /**
     * @param tableOrder position of a source table in the plan
     * @param columnOrder position of a source column in its table's copy; orphan references (whose column may be
     *     several) come after the columns
     */
    synchronized List<ProblemGroup> groups(
            ToIntFunction<String> tableOrder, ToIntFunction<RowRefusal.Group> columnOrder) {
        List<ProblemGroup> result = new ArrayList<>();
        groups.forEach((key, group) -> result.add(new ProblemGroup(
                key.table(),
                key.column(),
                key.kind(),
                ReasonKinds.text(group.wording, key.kind()),
                group.count,
                group.examples)));
        result.sort(Comparator.<ProblemGroup>comparingInt(g -> tableOrder.applyAsInt(g.table()))
                .thenComparingInt(g -> columnOrder.applyAsInt(new RowRefusal.Group(g.table(), g.column(), g.kind())))
                .thenComparing(Comparator.comparingLong(ProblemGroup::count).reversed())
                .thenComparing(ProblemGroup::kind));
        return result;
    }
}
