package dev.lite2pg.report;

import dev.lite2pg.metrics.TableFigures;
import dev.lite2pg.quarantine.QuarantinedRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a run report as Markdown an operator can read at a go/no-go meeting. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(RunReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(r.title())).append("\n\n");
        md.append("**Verdict: ")
                .append(r.verdict())
                .append("** (exit code ")
                .append(r.exitCode())
                .append(")\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "source", text(r.source()));
        row(md, "source file sha256", r.sourceFileSha256() == null ? "not recorded" : code(r.sourceFileSha256()));
        row(md, "snapshot sha256 (what was copied)", code(r.snapshotSha256()));
        row(md, "target", text(r.target()) + " schema " + code(r.targetSchema()));
        row(md, "started", text(r.started()));
        row(md, "finished", text(r.finished()));
        if (r.facts() != null) {
            row(md, "duration", Figures.duration(r.facts().durationMillis()) + " (this run)");
            row(md, "resumed an earlier run", r.facts().resumed() ? "yes" : "no");
            row(md, "lite2pg", code(r.facts().version()));
        }
        md.append('\n');
        if (!r.problems().isEmpty()) {
            md.append("## Problems\n\n");
            r.problems().forEach(p -> md.append("- ").append(text(p)).append('\n'));
            md.append('\n');
        }
        if (!r.warnings().isEmpty()) {
            md.append("## Warnings\n\n");
            r.warnings().forEach(w -> md.append("- ").append(text(w)).append('\n'));
            md.append('\n');
        }
        md.append("## Tables\n\nSource rows = target rows + quarantined rows when the counts match.\n\n")
                .append(
                        "| source table | target table | source rows | read | written | target rows | quarantined | match | duration (this run) | rows/s (this run) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (TableReport t : r.tables()) {
            md.append("| ")
                    .append(text(t.source()))
                    .append(" | ")
                    .append(text(t.target()))
                    .append(" | ")
                    .append(Figures.count(t.sourceRows()))
                    .append(" | ")
                    .append(Figures.count(t.rowsRead()))
                    .append(" | ")
                    .append(Figures.count(t.rowsWritten()))
                    .append(" | ")
                    .append(Figures.count(t.targetRows()))
                    .append(" | ")
                    .append(Figures.count(t.quarantinedRows()))
                    .append(" | ")
                    .append(t.countsMatch() ? "yes" : "**NO**")
                    .append(" | ")
                    .append(Figures.duration(t.durationMillis()))
                    .append(" | ")
                    .append(Figures.rowsPerSecond(t.rowsWrittenThisRun(), t.durationMillis()))
                    .append(" |\n");
        }
        targetOnlyTables(md, r.targetOnlyTables());
        quarantine(md, r.quarantine(), r.facts() != null && r.facts().dryRun());
        md.append("\n## Content (every row, copied columns)\n\n")
                .append(
                        "Each source row converted as the copy converts it and stored by PostgreSQL, against each target row; ")
                .append("PostgreSQL stores and checksums both sides the same way.\n\n")
                .append(
                        "| target table | source rows | target rows | source checksum | target checksum | match | first differing rows |\n")
                .append("|---|---:|---:|---|---|---|---|\n");
        for (TableReport t : r.tables()) {
            ContentCheckResult c = t.content();
            md.append("| ")
                    .append(text(t.target()))
                    .append(" | ")
                    .append(Figures.count(c.sourceRows()))
                    .append(" | ")
                    .append(Figures.count(c.targetRows()))
                    .append(" | `")
                    .append(c.sourceChecksum())
                    .append("` | `")
                    .append(c.targetChecksum())
                    .append("` | ")
                    .append(c.matches() ? "yes" : "**NO**")
                    .append(" | ")
                    .append(text(String.join("; ", c.firstDifferences())))
                    .append(" |\n");
        }
        verifyQueries(md, r.verifyQueries());
        md.append(
                "\n## Conversions\n\n| target column | source column | target type | conversion | adjusted values |\n|---|---|---|---|---|\n");
        for (TableReport t : r.tables()) {
            for (ColumnReport c : t.columns()) {
                md.append("| ")
                        .append(text(t.target() + "." + c.target()))
                        .append(" | ")
                        .append(text(c.source()))
                        .append(" | ")
                        .append(text(c.targetType()))
                        .append(" | ")
                        .append(text(c.conversion()))
                        .append(" | ")
                        .append(adjustments(c.adjustments()))
                        .append(" |\n");
            }
        }
        md.append(
                        "\n## Foreign keys (orphan references)\n\n| foreign key | table | references | orphans in source | orphans in target | note |\n")
                .append("|---|---|---|---:|---:|---|\n");
        for (ForeignKeyCheck f : r.foreignKeys()) {
            md.append("| ")
                    .append(text(f.name()))
                    .append(" | ")
                    .append(text(f.table()))
                    .append(" | ")
                    .append(text(f.referencedTable()))
                    .append(" | ")
                    .append(f.sourceOrphans() < 0 ? "n/a" : Figures.count(f.sourceOrphans()))
                    .append(" | ")
                    .append(Figures.count(f.targetOrphans()))
                    .append(" | ")
                    .append(f.restoredAfterCopy() ? "dropped for the copy, re-added and validated" : "")
                    .append(" |\n");
        }
        md.append(
                        "\n## Sequences\n\n| sequence | column | highest copied id | SQLite AUTOINCREMENT mark | next value | ok |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (SequenceCheck s : r.sequences()) {
            md.append("| ")
                    .append(text(s.sequence()))
                    .append(" | ")
                    .append(text(s.table() + "." + s.column()))
                    .append(" | ")
                    .append(s.highestCopied() == null ? "-" : Figures.count(s.highestCopied()))
                    .append(" | ")
                    .append(s.sqliteHighWater() == null ? "-" : Figures.count(s.sqliteHighWater()))
                    .append(" | ")
                    .append(Figures.count(s.nextValue()))
                    .append(" | ")
                    .append(s.ok() ? "yes" : "**NO**")
                    .append(" |\n");
        }
        schemaObjects(md, r.schemaObjects());
        loading(md, r.loading());
        metrics(md, r.metrics());
        return md.toString();
    }

    private static void targetOnlyTables(StringBuilder md, List<TargetOnlyTable> tables) {
        if (tables.isEmpty()) {
            return;
        }
        md.append("\n## Target-only tables\n\n")
                .append("Nothing was copied into these tables: the run never checked, changed or emptied them.\n\n")
                .append("| target table | rows after the run |\n|---|---:|\n");
        for (TargetOnlyTable t : tables) {
            md.append("| ")
                    .append(text(t.name()))
                    .append(" | ")
                    .append(Figures.count(t.rows()))
                    .append(" |\n");
        }
    }

    private static void verifyQueries(StringBuilder md, List<VerifyQueryResult> queries) {
        if (queries.isEmpty()) {
            return;
        }
        md.append("\n## Verification queries (the job file's own)\n\n")
                .append(
                        "Each query's SQLite side on the snapshot, its PostgreSQL side on the target; rows compared as text,")
                .append(" in any order, numbers by value.\n\n")
                .append("| query | SQLite rows | PostgreSQL rows | match | first differing rows |\n")
                .append("|---|---:|---:|---|---|\n");
        for (VerifyQueryResult q : queries) {
            md.append("| ")
                    .append(text(q.name()))
                    .append(" | ")
                    .append(q.sqliteRows() < 0 ? "-" : Figures.count(q.sqliteRows()))
                    .append(" | ")
                    .append(q.postgresRows() < 0 ? "-" : Figures.count(q.postgresRows()))
                    .append(" | ")
                    .append(q.matches() ? "yes" : "**NO**")
                    .append(" | ")
                    .append(text(
                            q.error() != null
                                    ? "could not run on " + q.error()
                                    : String.join("; ", q.firstDifferences())))
                    .append(" |\n");
        }
    }

    private static void quarantine(StringBuilder md, QuarantineReport q, boolean dryRun) {
        if (q == null) {
            return;
        }
        md.append("\n## Quarantine\n\nPolicy ")
                .append(code("on-bad-row: " + q.policy()))
                .append("; ")
                .append(Figures.count(q.rows()))
                .append(" row(s) set aside in ")
                .append(code(q.table()));
        if (dryRun) {
            // A dry-run drops its quarantine table as it ends: the report must not send anyone looking there.
            md.append(" of the staging target, which the dry-run drops as it ends unless run with `--keep`");
        }
        if (q.rows() == 0) {
            md.append(".\n");
            return;
        }
        md.append(
                        q.rows() > q.first().size()
                                ? " (the first " + q.first().size() + " below; all of them in the table)"
                                : "")
                .append(".\n\n| table | row | column | value | reason |\n|---|---|---|---|---|\n");
        for (QuarantinedRow row : q.first()) {
            md.append("| ")
                    .append(text(row.table()))
                    .append(" | ")
                    .append(text(row.rowKey()))
                    .append(" | ")
                    .append(text(row.column()))
                    .append(" | ")
                    .append(text(row.value()))
                    .append(" | ")
                    .append(text(row.reason()))
                    .append(" |\n");
        }
    }

    private static void schemaObjects(StringBuilder md, List<SchemaObjectCheck> objects) {
        if (objects.isEmpty()) {
            return;
        }
        md.append("\n## Schema objects (indexes and constraints the migrations created)\n\n")
                .append(
                        "| table | kind | name | dropped for the copy | present | valid |\n|---|---|---|---|---|---|\n");
        for (SchemaObjectCheck o : objects) {
            md.append("| ")
                    .append(text(o.table()))
                    .append(" | ")
                    .append(text(o.kind()))
                    .append(" | ")
                    .append(text(o.name()))
                    .append(" | ")
                    .append(o.deferred() ? "yes, re-created" : "")
                    .append(" | ")
                    .append(o.present() ? "yes" : "**NO**")
                    .append(" | ")
                    .append(o.valid() ? "yes" : "**NO**")
                    .append(" |\n");
        }
    }

    private static void loading(StringBuilder md, LoadingReport l) {
        if (l == null) {
            return;
        }
        md.append("\n## How the data was loaded\n\n");
        md.append("- tables copied at the same time: ").append(l.parallelism()).append('\n');
        md.append("- foreign keys dropped for the copy, re-added and validated after it: ")
                .append(l.deferredForeignKeys().size())
                .append(list(l.deferredForeignKeys()))
                .append('\n');
        md.append("- secondary indexes dropped for the copy, built after it: ")
                .append(l.deferredIndexes().size())
                .append(list(l.deferredIndexes()))
                .append('\n');
        md.append("- time to re-create them: ").append(l.constraintsMillis()).append(" ms\n");
        md.append("- ANALYZE of the copied tables after the copy, before validation: ")
                .append(l.analyzedTables())
                .append(" table(s) in ")
                .append(l.analyzeMillis())
                .append(" ms\n");
        l.sessionSettings()
                .forEach(s -> md.append("- session setting: ").append(text(s)).append('\n'));
    }

    private static void metrics(StringBuilder md, List<TableFigures> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        md.append(
                        "\n## Metrics of this process\n\n| table | rows read | rows written | values refused | chunks | mean chunk | slowest chunk |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (TableFigures f : metrics) {
            md.append("| ")
                    .append(text(f.table()))
                    .append(" | ")
                    .append(Figures.count(f.rowsRead()))
                    .append(" | ")
                    .append(Figures.count(f.rowsWritten()))
                    .append(" | ")
                    .append(Figures.count(f.valuesRefused()))
                    .append(" | ")
                    .append(Figures.count(f.chunks()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f ms", f.meanChunkMillis()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f ms", f.maxChunkMillis()))
                    .append(" |\n");
        }
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "" : " (" + text(String.join(", ", names)) + ")";
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String adjustments(Map<String, Long> adjustments) {
        if (adjustments.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(adjustments)
                .forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ")
                        .append(text(k))
                        .append(": ")
                        .append(Figures.count(v)));
        return text.toString();
    }

    /**
     * Any text that comes from the data or from names (tables, columns, values, keys, reasons, paths, messages), made
     * inert: report.md is turned into HTML by whatever shows it (a Git host, a wiki, an editor's preview), so a table
     * named {@code <script>} or a value {@code [x](javascript:...)} must stay text, and a pipe or line break must not
     * break the table. HTML's {@code < > &} become entities (every renderer decodes them back to text); Markdown's
     * other specials are backslash-escaped (CommonMark: any ASCII punctuation may be); line breaks become spaces.
     */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                // Parentheses stay: with the brackets escaped no link can form, and "row(s)" stays readable.
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' ->
                    out.append('\\').append(c);
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        // At the start of a list item "- x", "+ x" or "1. x" would open a nested list.
        int digits = 0;
        while (digits < out.length() && Character.isDigit(out.charAt(digits))) {
            digits++;
        }
        if (!out.isEmpty() && (out.charAt(0) == '-' || out.charAt(0) == '+')) {
            out.insert(0, '\\');
        } else if (digits > 0 && digits < out.length() && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
            out.insert(digits, '\\');
        }
        return out.toString();
    }

    /**
     * A name shown as code: inside a code span nothing is Markdown or HTML, so only the span's own delimiter (a fence
     * longer than any run of backticks in the name), the table's pipes and line breaks need care.
     */
    static String code(String raw) {
        String flat =
                raw == null ? "" : raw.replace('\r', ' ').replace('\n', ' ').replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
