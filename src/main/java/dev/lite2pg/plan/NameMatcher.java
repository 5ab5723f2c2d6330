package dev.lite2pg.plan;

import dev.lite2pg.jobfile.NameRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Finds a source name among target names; the same rules serve tables and columns. */
final class NameMatcher {
    private NameMatcher() {}

    /**
     * {@link NameRule#EXACT}: the name itself. {@link NameRule#AUTO}: the name itself, else the one target equal
     * ignoring case, else the same two steps for the {@link SnakeCase} form. An exact match always wins over
     * case-insensitive ones, so {@code "User"} next to {@code user} is never ambiguous for source {@code User}.
     */
    static NameMatch match(String sourceName, Collection<String> targetNames, NameRule rule) {
        if (targetNames.contains(sourceName)) {
            return new NameMatch.Found(sourceName);
        }
        if (rule == NameRule.EXACT) {
            return new NameMatch.NotFound(List.of(sourceName));
        }
        NameMatch byCase = ignoringCase(sourceName, targetNames);
        if (!(byCase instanceof NameMatch.NotFound)) {
            return byCase;
        }
        String snake = SnakeCase.of(sourceName);
        if (snake.equals(sourceName)) {
            return new NameMatch.NotFound(List.of(sourceName));
        }
        NameMatch bySnake = explicit(snake, targetNames);
        return bySnake instanceof NameMatch.NotFound ? new NameMatch.NotFound(List.of(sourceName, snake)) : bySnake;
    }

    /**
     * A name the operator wrote: exact, else the one target equal ignoring case, because operators write
     * PostgreSQL names the way PostgreSQL folds unquoted ones, not necessarily the way the catalog spells them.
     */
    static NameMatch explicit(String wanted, Collection<String> targetNames) {
        if (targetNames.contains(wanted)) {
            return new NameMatch.Found(wanted);
        }
        NameMatch byCase = ignoringCase(wanted, targetNames);
        return byCase instanceof NameMatch.NotFound ? new NameMatch.NotFound(List.of(wanted)) : byCase;
    }

    private static NameMatch ignoringCase(String name, Collection<String> targetNames) {
        String folded = name.toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        for (String target : targetNames) {
            if (target.toLowerCase(Locale.ROOT).equals(folded)) {
                candidates.add(target);
            }
        }
        if (candidates.size() == 1) {
            return new NameMatch.Found(candidates.get(0));
        }
        return candidates.isEmpty() ? new NameMatch.NotFound(List.of(name)) : new NameMatch.Ambiguous(candidates);
    }
}
