package dev.lite2pg.jobfile;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for unknown job file keys: a typo should cost one glance at the message, not a search. */
final class KeySuggestion {
    /** Two edits catch the usual slips (a dropped, doubled or swapped letter) without suggesting unrelated keys. */
    private static final int MAX_DISTANCE = 2;

    private KeySuggestion() {}

    /** The known key closest to {@code unknown}, first in {@code known} order on a tie; empty when none is close. */
    static Optional<String> closest(String unknown, Collection<String> known) {
        String wanted = normalize(unknown);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : known) {
            int distance = distance(wanted, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** chunk_size and Chunk-Size are the same slip as chunk-size, so they cost nothing. */
    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
