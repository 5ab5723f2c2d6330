package dev.lite2pg.plan;

import java.util.List;

/** The outcome of looking for one source name among target names. */
sealed interface NameMatch {
    record Found(String name) implements NameMatch {}

    /** Several targets differ only in case and none is exact: picking one would be a guess. */
    record Ambiguous(List<String> candidates) implements NameMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** @param tried the spellings looked for, for the problem message */
    record NotFound(List<String> tried) implements NameMatch {
        public NotFound {
            tried = List.copyOf(tried);
        }
    }
}
