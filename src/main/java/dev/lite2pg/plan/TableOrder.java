package dev.lite2pg.plan;

import dev.lite2pg.model.TargetForeignKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders tables parents first: the order tables are listed in (see {@link ParentsFirstOrder}), not the order they are
 * copied in. Where no such order exists, names the keys that close each cycle.
 */
public final class TableOrder {
    /** A total order, so that the result never depends on the order the catalog listed keys in. */
    static final Comparator<TargetForeignKey> KEY_ORDER = Comparator.comparing(TargetForeignKey::table)
            .thenComparing(TargetForeignKey::name)
            .thenComparing(TargetForeignKey::referencedTable)
            .thenComparing(key -> key.columns().toString())
            .thenComparing(key -> key.referencedColumns().toString());

    private TableOrder() {}

    /**
     * @param tablesToCopy the target tables that will receive rows
     * @param foreignKeys any foreign keys; only those between two tables of {@code tablesToCopy} count, because
     *     a key to a table outside the copy is satisfied, or not, regardless of the order
     */
    public static ParentsFirstOrder order(Collection<String> tablesToCopy, Collection<TargetForeignKey> foreignKeys) {
        SortedSet<String> tables = new TreeSet<>(tablesToCopy);
        List<TargetForeignKey> broken = new ArrayList<>();
        Map<String, List<TargetForeignKey>> dependsOn = new TreeMap<>();
        foreignKeys.stream()
                .filter(key -> tables.contains(key.table()) && tables.contains(key.referencedTable()))
                .distinct()
                .sorted(Comparator.comparing(TargetForeignKey::referencedTable).thenComparing(KEY_ORDER))
                .forEach(key -> {
                    // Rows of one table reference each other in any order (a manager inserted after a report),
                    // and no table order can fix that, so a self-reference is always dropped and re-added.
                    if (key.selfReferencing()) {
                        broken.add(key);
                    } else {
                        dependsOn
                                .computeIfAbsent(key.table(), t -> new ArrayList<>())
                                .add(key);
                    }
                });

        List<Set<String>> components = StronglyConnected.components(tables, table -> parents(dependsOn, table));
        for (Set<String> component : components) {
            if (component.size() > 1) {
                broken.addAll(CycleBreaker.backEdges(component, dependsOn));
            }
        }
        Set<TargetForeignKey> brokenSet = new HashSet<>(broken);
        broken.sort(KEY_ORDER);
        return new ParentsFirstOrder(parentsFirst(tables, dependsOn, brokenSet), broken);
    }

    private static List<String> parents(Map<String, List<TargetForeignKey>> dependsOn, String table) {
        return dependsOn.getOrDefault(table, List.of()).stream()
                .map(TargetForeignKey::referencedTable)
                .toList();
    }

    /** Kahn's algorithm, always taking the first ready table by name, so ties come out in name order. */
    private static List<String> parentsFirst(
            SortedSet<String> tables, Map<String, List<TargetForeignKey>> dependsOn, Set<TargetForeignKey> broken) {
        Map<String, Set<String>> waitingFor = new LinkedHashMap<>();
        Map<String, Set<String>> children = new TreeMap<>();
        for (String table : tables) {
            Set<String> parents = new HashSet<>();
            for (TargetForeignKey key : dependsOn.getOrDefault(table, List.of())) {
                if (!broken.contains(key)) {
                    parents.add(key.referencedTable());
                    children.computeIfAbsent(key.referencedTable(), t -> new TreeSet<>())
                            .add(table);
                }
            }
            waitingFor.put(table, parents);
        }
        TreeSet<String> ready = new TreeSet<>();
        waitingFor.forEach((table, parents) -> {
            if (parents.isEmpty()) {
                ready.add(table);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String table = ready.pollFirst();
            order.add(table);
            for (String child : children.getOrDefault(table, Set.of())) {
                Set<String> parents = waitingFor.get(child);
                parents.remove(table);
                if (parents.isEmpty()) {
                    ready.add(child);
                }
            }
        }
        if (order.size() != tables.size()) {
            throw new IllegalStateException("cycle left after breaking " + broken + "; ordered only " + order);
        }
        return order;
    }
}
