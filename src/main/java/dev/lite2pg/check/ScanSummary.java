package dev.lite2pg.check;

import dev.lite2pg.check.ScanResult.ProblemGroup;
import dev.lite2pg.check.ScanResult.TableScan;
import dev.lite2pg.copy.RowRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ScanResult} for people: the cutover's refusal and check's console. Counts come first, then the
 * first examples of each column and kind of reason, each a full line (table, row, column, value, reason) an operator
 * can act on; the complete list is always the bad-values file, which every rendering names.
 */
public final class ScanSummary {

    private ScanSummary() {}

    /**
     * Why a cutover will not start, readable in a terminal however dirty the source: at most {@code maxGroups}
     * columns and kinds, {@code examplesPerGroup} examples of each.
     */
    public static String refusal(ScanResult result, int maxGroups, int examplesPerGroup) {
        return refusal(result, maxGroups, examplesPerGroup, "nothing was written");
    }

    /**
     * @param target what the run left in the target, e.g. {@code nothing was written}: a cutover's copy that met the
     *     problems wrote rows before it, and emptied them again
     */
    public static String refusal(ScanResult result, int maxGroups, int examplesPerGroup, String target) {
        StringBuilder text = new StringBuilder("the target would refuse ")
                .append(what(result))
                .append(" of the source; ")
                .append(target)
                .append(
                        ". Fix them on a copy of the source (never the original) and run"
                                + " again (lite2pg check --job FILE lists them again, without writing to the target). Every one of them: ")
                .append(result.badValuesFile());
        problemLines(result, maxGroups, examplesPerGroup)
                .forEach(line -> text.append('\n').append(line));
        return text.toString();
    }

    /** E.g. {@code 7 values in 3 rows and 2 orphan references}. */
    public static String what(ScanResult result) {
        List<String> parts = new ArrayList<>();
        if (result.badValues() > 0) {
            parts.add(count(result.badValues(), "value") + " in " + count(result.badRows(), "row"));
        }
        if (result.orphanReferences() > 0) {
            parts.add(count(result.orphanReferences(), "orphan reference"));
        }
        return parts.isEmpty() ? "nothing" : String.join(" and ", parts);
    }

    /** One line per table: rows read, and the values the copy would refuse. */
    public static List<String> tableLines(ScanResult result) {
        return result.tables().stream().map(ScanSummary::tableLine).toList();
    }

    public static String tableLine(TableScan table) {
        String name = table.source().equals(table.target()) ? table.source() : table.source() + " -> " + table.target();
        return name + ": " + count(table.rowsScanned(), "row") + ", "
                + (table.badValues() == 0
                        ? "no bad value"
                        : count(table.badValues(), "bad value") + " in " + count(table.badRows(), "row"));
    }

    /** Per column and kind of reason: a header with the count, then the first examples, each on its own line. */
    public static List<String> problemLines(ScanResult result, int maxGroups, int examplesPerGroup) {
        List<String> lines = new ArrayList<>();
        List<ProblemGroup> groups = result.problems();
        for (ProblemGroup group : groups.subList(0, Math.min(maxGroups, groups.size()))) {
            lines.add("  - " + group.table() + "." + group.column() + ": " + count(group.count(), "value") + ": "
                    + group.wording());
            List<RowRefusal> shown = group.examples()
                    .subList(0, Math.min(examplesPerGroup, group.examples().size()));
            shown.forEach(bad -> lines.add("      " + bad));
            if (group.count() > shown.size()) {
                lines.add("      ... and " + String.format(Locale.ROOT, "%,d", group.count() - shown.size()) + " more");
            }
        }
        if (groups.size() > maxGroups) {
            long more = groups.subList(maxGroups, groups.size()).stream()
                    .mapToLong(ProblemGroup::count)
                    .sum();
            lines.add("  ... and " + count(more, "value") + " in "
                    + count(groups.size() - maxGroups, "more column or reason", "more columns or reasons"));
        }
        return lines;
    }

    private static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? singular : plural);
    }
}
