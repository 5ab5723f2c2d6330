package dev.lite2pg.plan;

import java.util.List;
import java.util.stream.Collectors;

/** Source names in problem messages: double-quoted, because they may contain spaces or differ only in case. */
final class Quoting {
    private Quoting() {}

    /** {@code "A"}, {@code "A" and "B"}, {@code "A", "B" and "C"}. */
    static String names(List<String> names) {
        List<String> quoted = names.stream().map(name -> "\"" + name + "\"").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + quoted.get(quoted.size() - 1);
    }
}
