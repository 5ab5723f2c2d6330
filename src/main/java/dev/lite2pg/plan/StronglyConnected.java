package dev.lite2pg.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tarjan's strongly connected components. Iterative, because a schema with a long chain of foreign keys
 * must not depend on the thread's stack size.
 */
final class StronglyConnected {
    private record Frame(String node, Iterator<String> successors) {}

    private final Function<String, Collection<String>> successors;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<Set<String>> components = new ArrayList<>();

    private StronglyConnected(Function<String, Collection<String>> successors) {
        this.successors = successors;
    }

    /** Every component, each as a sorted set; single nodes without a self-loop are components of one. */
    static List<Set<String>> components(Collection<String> nodes, Function<String, Collection<String>> successors) {
        StronglyConnected tarjan = new StronglyConnected(successors);
        for (String node : nodes) {
            if (!tarjan.index.containsKey(node)) {
                tarjan.search(node);
            }
        }
        return tarjan.components;
    }

    private void search(String start) {
        Deque<Frame> calls = new ArrayDeque<>();
        calls.push(enter(start));
        while (!calls.isEmpty()) {
            Frame frame = calls.peek();
            if (frame.successors().hasNext()) {
                String next = frame.successors().next();
                if (!index.containsKey(next)) {
                    calls.push(enter(next));
                } else if (onStack.contains(next)) {
                    lowLink.merge(frame.node(), index.get(next), Math::min);
                }
                continue;
            }
            calls.pop();
            if (!calls.isEmpty()) {
                lowLink.merge(calls.peek().node(), lowLink.get(frame.node()), Math::min);
            }
            if (lowLink.get(frame.node()).equals(index.get(frame.node()))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(frame.node()));
                components.add(component);
            }
        }
    }

    private Frame enter(String node) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        return new Frame(node, successors.apply(node).iterator());
    }
}
