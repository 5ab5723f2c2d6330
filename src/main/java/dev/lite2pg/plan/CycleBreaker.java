package dev.lite2pg.plan;

import dev.lite2pg.model.TargetForeignKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which foreign keys of one cycle of tables to drop: the back edges of a depth-first search through
 * the component, tables and keys taken in name order. Removing all back edges leaves no cycle, and a back
 * edge always lies on a cycle, so no key is dropped that the order could have honoured by itself.
 */
final class CycleBreaker {
    private record Frame(String table, Iterator<TargetForeignKey> keys) {}

    private CycleBreaker() {}

    /**
     * @param component the tables of one strongly connected component, in name order
     * @param dependsOn per table, its foreign keys (edges child → referenced parent), in a deterministic order
     */
    static List<TargetForeignKey> backEdges(Set<String> component, Map<String, List<TargetForeignKey>> dependsOn) {
        List<TargetForeignKey> broken = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String start : component) {
            if (visited.contains(start)) {
                continue;
            }
            Deque<Frame> path = new ArrayDeque<>();
            path.push(enter(start, dependsOn, visited, onPath));
            while (!path.isEmpty()) {
                Frame frame = path.peek();
                if (!frame.keys().hasNext()) {
                    onPath.remove(path.pop().table());
                    continue;
                }
                TargetForeignKey key = frame.keys().next();
                String parent = key.referencedTable();
                if (!component.contains(parent)) {
                    continue;
                }
                if (onPath.contains(parent)) {
                    broken.add(key);
                } else if (!visited.contains(parent)) {
                    path.push(enter(parent, dependsOn, visited, onPath));
                }
            }
        }
        return broken;
    }

    private static Frame enter(
            String table, Map<String, List<TargetForeignKey>> dependsOn, Set<String> visited, Set<String> onPath) {
        visited.add(table);
        onPath.add(table);
        return new Frame(table, dependsOn.getOrDefault(table, List.of()).iterator());
    }
}
