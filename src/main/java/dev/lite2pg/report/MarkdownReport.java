package dev.lite2pg.report;

import java.util.Map;
import java.util.TreeMap;

/** Renders a run report as Markdown an operator can read at a go/no-go meeting. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# lite2pg cutover report: ").append(r.job()).append("\n\n");
        md.append("**Verdict: ").append(r.verdict()).append("**\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "source", cell(r.source()));
        row(md, "source sha256", "`" + r.sourceSha256() + "`");
        row(md, "target", cell(r.target()) + " schema `" + r.targetSchema() + "`");
        row(md, "started", r.started());
        row(md, "finished", r.finished());
        md.append('\n');
        if (!r.problems().isEmpty()) {
            md.append("## Problems\n\n");
            r.problems().forEach(p -> md.append("- ").append(cell(p)).append('\n'));
            md.append('\n');
        }
        md.append("## Tables\n\n| source table | target table | source rows | read | written | target rows | match | duration |\n")
                .append("|---|---|---:|---:|---:|---:|---|---:|\n");
        for (TableReport t : r.tables()) {
            md.append("| ").append(cell(t.source())).append(" | ").append(cell(t.target())).append(" | ").append(t.sourceRows())
                    .append(" | ").append(t.rowsRead()).append(" | ").append(t.rowsWritten()).append(" | ").append(t.targetRows())
                    .append(" | ").append(t.countsMatch() ? "yes" : "**NO**").append(" | ").append(t.durationMillis()).append(" ms |\n");
        }
        md.append("\n## Content (every row, copied columns)\n\n")
                .append("Each source row converted as the copy converts it and stored by PostgreSQL, against each target row; ")
                .append("PostgreSQL stores and checksums both sides the same way.\n\n")
                .append("| target table | source rows | target rows | source checksum | target checksum | match | first differing rows |\n")
                .append("|---|---:|---:|---|---|---|---|\n");
        for (TableReport t : r.tables()) {
            ContentCheckResult c = t.content();
            md.append("| ").append(cell(t.target())).append(" | ").append(c.sourceRows()).append(" | ").append(c.targetRows())
                    .append(" | `").append(c.sourceChecksum()).append("` | `").append(c.targetChecksum()).append("` | ")
                    .append(c.matches() ? "yes" : "**NO**").append(" | ").append(cell(String.join("; ", c.firstDifferences())))
                    .append(" |\n");
        }
        md.append("\n## Conversions\n\n| target column | source column | target type | conversion | adjusted values |\n|---|---|---|---|---|\n");
        for (TableReport t : r.tables()) {
            for (ColumnReport c : t.columns()) {
                md.append("| ").append(cell(t.target() + "." + c.target())).append(" | ").append(cell(c.source())).append(" | ")
                        .append(cell(c.targetType())).append(" | ").append(cell(c.conversion())).append(" | ")
                        .append(adjustments(c.adjustments())).append(" |\n");
            }
        }
        md.append("\n## Foreign keys (orphan references)\n\n| foreign key | table | references | orphans in source | orphans in target | note |\n")
                .append("|---|---|---|---:|---:|---|\n");
        for (ForeignKeyCheck f : r.foreignKeys()) {
            md.append("| ").append(cell(f.name())).append(" | ").append(cell(f.table())).append(" | ").append(cell(f.referencedTable()))
                    .append(" | ").append(f.sourceOrphans() < 0 ? "n/a" : String.valueOf(f.sourceOrphans())).append(" | ")
                    .append(f.targetOrphans()).append(" | ").append(f.restoredAfterCopy() ? "dropped to break a cycle, re-added and validated" : "")
                    .append(" |\n");
        }
        md.append("\n## Sequences\n\n| sequence | column | highest copied id | SQLite AUTOINCREMENT mark | next value | ok |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (SequenceCheck s : r.sequences()) {
            md.append("| ").append(cell(s.sequence())).append(" | ").append(cell(s.table() + "." + s.column())).append(" | ")
                    .append(s.highestCopied() == null ? "-" : s.highestCopied()).append(" | ")
                    .append(s.sqliteHighWater() == null ? "-" : s.sqliteHighWater()).append(" | ").append(s.nextValue())
                    .append(" | ").append(s.ok() ? "yes" : "**NO**").append(" |\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String adjustments(Map<String, Long> adjustments) {
        if (adjustments.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(adjustments).forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return text.toString();
    }

    /** Table cells must not break the table: pipes are escaped and line breaks flattened. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
