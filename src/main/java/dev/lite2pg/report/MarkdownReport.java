package dev.lite2pg.report;

import dev.lite2pg.metrics.TableFigures;
import dev.lite2pg.quarantine.QuarantinedRow;

import java.util.List;
import java.util.Locale;
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
        if (!r.warnings().isEmpty()) {
            md.append("## Warnings\n\n");
            r.warnings().forEach(w -> md.append("- ").append(cell(w)).append('\n'));
            md.append('\n');
        }
        md.append("## Tables\n\nSource rows = target rows + quarantined rows when the counts match.\n\n")
                .append("| source table | target table | source rows | read | written | target rows | quarantined | match | duration | rows/s |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (TableReport t : r.tables()) {
            md.append("| ").append(cell(t.source())).append(" | ").append(cell(t.target())).append(" | ").append(t.sourceRows())
                    .append(" | ").append(t.rowsRead()).append(" | ").append(t.rowsWritten()).append(" | ").append(t.targetRows())
                    .append(" | ").append(t.quarantinedRows())
                    .append(" | ").append(t.countsMatch() ? "yes" : "**NO**").append(" | ").append(t.durationMillis()).append(" ms | ")
                    .append(Figures.rowsPerSecond(t.rowsWritten(), t.durationMillis())).append(" |\n");
        }
        quarantine(md, r.quarantine());
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
                    .append(f.targetOrphans()).append(" | ").append(f.restoredAfterCopy() ? "dropped for the copy, re-added and validated" : "")
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
        schemaObjects(md, r.schemaObjects());
        loading(md, r.loading());
        metrics(md, r.metrics());
        return md.toString();
    }

    private static void quarantine(StringBuilder md, QuarantineReport q) {
        if (q == null) {
            return;
        }
        md.append("\n## Quarantine\n\nPolicy `on-bad-row: ").append(q.policy()).append("`; ").append(q.rows())
                .append(" row(s) set aside in `").append(q.table()).append("`");
        if (q.rows() == 0) {
            md.append(".\n");
            return;
        }
        md.append(q.rows() > q.first().size() ? " (the first " + q.first().size() + " below; all of them in the table)" : "")
                .append(".\n\n| table | row | column | value | reason |\n|---|---|---|---|---|\n");
        for (QuarantinedRow row : q.first()) {
            md.append("| ").append(cell(row.table())).append(" | ").append(cell(row.rowKey())).append(" | ").append(cell(row.column()))
                    .append(" | ").append(cell(row.value())).append(" | ").append(cell(row.reason())).append(" |\n");
        }
    }

    private static void schemaObjects(StringBuilder md, List<SchemaObjectCheck> objects) {
        if (objects.isEmpty()) {
            return;
        }
        md.append("\n## Schema objects (indexes and constraints the migrations created)\n\n")
                .append("| table | kind | name | dropped for the copy | present | valid |\n|---|---|---|---|---|---|\n");
        for (SchemaObjectCheck o : objects) {
            md.append("| ").append(cell(o.table())).append(" | ").append(o.kind()).append(" | ").append(cell(o.name())).append(" | ")
                    .append(o.deferred() ? "yes, re-created" : "").append(" | ").append(o.present() ? "yes" : "**NO**").append(" | ")
                    .append(o.valid() ? "yes" : "**NO**").append(" |\n");
        }
    }

    private static void loading(StringBuilder md, LoadingReport l) {
        if (l == null) {
            return;
        }
        md.append("\n## How the data was loaded\n\n");
        md.append("- tables copied at the same time: ").append(l.parallelism()).append('\n');
        md.append("- foreign keys dropped for the copy, re-added and validated after it: ").append(l.deferredForeignKeys().size())
                .append(list(l.deferredForeignKeys())).append('\n');
        md.append("- secondary indexes dropped for the copy, built after it: ").append(l.deferredIndexes().size())
                .append(list(l.deferredIndexes())).append('\n');
        md.append("- time to re-create them: ").append(l.constraintsMillis()).append(" ms\n");
        l.sessionSettings().forEach(s -> md.append("- session setting: ").append(cell(s)).append('\n'));
    }

    private static void metrics(StringBuilder md, List<TableFigures> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        md.append("\n## Metrics of this process\n\n| table | rows read | rows written | values refused | chunks | mean chunk | slowest chunk |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (TableFigures f : metrics) {
            md.append("| ").append(cell(f.table())).append(" | ").append(f.rowsRead()).append(" | ").append(f.rowsWritten()).append(" | ")
                    .append(f.valuesRefused()).append(" | ").append(f.chunks()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f ms", f.meanChunkMillis())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f ms", f.maxChunkMillis())).append(" |\n");
        }
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "" : " (" + cell(String.join(", ", names)) + ")";
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
