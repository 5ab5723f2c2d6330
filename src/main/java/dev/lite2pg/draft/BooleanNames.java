package dev.lite2pg.draft;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names that say a column is a flag. A 0/1 integer column alone is not evidence enough (a count, a quantity, a
 * tenant id can hold only 0 and 1 today), so the name, or a CHECK that allows only 0 and 1, must say so too.
 */
final class BooleanNames {

    private static final Set<String> PREFIXES =
            Set.of("is", "has", "have", "can", "should", "was", "were", "allow", "allows", "enable", "use", "show");

    private static final Set<String> WORDS = Set.of(
            "active",
            "enabled",
            "disabled",
            "deleted",
            "archived",
            "visible",
            "hidden",
            "pinned",
            "verified",
            "locked",
            "published",
            "approved",
            "confirmed",
            "flag",
            "flagged",
            "done",
            "completed",
            "starred",
            "featured",
            "blocked",
            "banned",
            "read",
            "seen",
            "default",
            "primary",
            "required",
            "public",
            "private",
            "admin",
            "superuser",
            "staff");

    private BooleanNames() {}

    static boolean looksBoolean(String column) {
        List<String> words = List.of(
                dev.lite2pg.plan.SnakeCase.of(column).toLowerCase(Locale.ROOT).split("_+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return false;
        }
        return words.size() > 1 && PREFIXES.contains(words.get(0))
                || WORDS.contains(words.get(words.size() - 1))
                || WORDS.contains(words.get(0)) && words.size() == 1;
    }
}
