package dev.lite2pg.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What report.html shows, already formatted: the template only places text, so every number format and every
 * decision (colours, n/a, yes/NO) is made here where it can be tested, and the template escapes it all.
 */
record HtmlPage(
        RunReport run,
        String tone,
        int exitCode,
        Totals totals,
        BarChart chart,
        List<Table> tables,
        List<Content> contents,
        List<ForeignKey> foreignKeys,
        List<Sequence> sequences,
        List<Metric> metrics,
        List<VerifyRow> verifyQueries,
        List<TargetOnly> targetOnlyTables) {

    record Totals(int tables, String rowsWritten, String duration, int mismatched) {

        boolean anyMismatched() {
            return mismatched > 0;
        }
    }

    record Table(
            String source,
            String target,
            String sourceRows,
            String targetRows,
            String quarantinedRows,
            boolean countsMatch,
            String rowsRead,
            String rowsWritten,
            String duration,
            String rowsPerSecond,
            List<Column> columns) {}

    record Column(String source, String target, String targetType, String conversion, String adjustments) {}

    record Content(
            String table,
            String sourceRows,
            String targetRows,
            String sourceChecksum,
            String targetChecksum,
            boolean matches,
            List<String> firstDifferences) {}

    record ForeignKey(
            String name,
            String table,
            String referencedTable,
            String sourceOrphans,
            String targetOrphans,
            boolean ok,
            boolean restoredAfterCopy) {}

    record Sequence(
            String sequence,
            String column,
            String highestCopied,
            String sqliteHighWater,
            String nextValue,
            boolean ok) {}

    record VerifyRow(String name, String sqliteRows, String postgresRows, boolean matches, List<String> differences) {}

    record TargetOnly(String name, String rows) {}

    record Metric(
            String table,
            String rowsRead,
            String rowsWritten,
            String valuesRefused,
            String chunks,
            String meanChunk,
            String maxChunk) {}

    // Mustache cannot ask a list whether it is empty, and a heading row over no rows reads as a rendering bug.
    boolean anyProblems() {
        return !run.problems().isEmpty();
    }

    boolean anyWarnings() {
        return !run.warnings().isEmpty();
    }

    /** A dry-run drops its quarantine table as it ends (unless --keep): the report must not send anyone looking there. */
    boolean dryRun() {
        return run.facts() != null && run.facts().dryRun();
    }

    boolean anyQuarantined() {
        return run.quarantine() != null && run.quarantine().rows() > 0;
    }

    String quarantinedRows() {
        return run.quarantine() == null ? "0" : Figures.count(run.quarantine().rows());
    }

    boolean anySchemaObjects() {
        return !run.schemaObjects().isEmpty();
    }

    boolean anyMetrics() {
        return !metrics.isEmpty();
    }

    boolean anyTables() {
        return !tables.isEmpty();
    }

    boolean anyForeignKeys() {
        return !foreignKeys.isEmpty();
    }

    boolean anyVerifyQueries() {
        return !verifyQueries.isEmpty();
    }

    boolean anyTargetOnlyTables() {
        return !targetOnlyTables.isEmpty();
    }

    boolean anySequences() {
        return !sequences.isEmpty();
    }

    String runDuration() {
        return run.facts() == null ? "" : Figures.duration(run.facts().durationMillis());
    }

    static HtmlPage of(RunReport r) {
        long rows = r.tables().stream().mapToLong(TableReport::rowsWritten).sum();
        long millis = r.tables().stream().mapToLong(TableReport::durationMillis).sum();
        int mismatched = (int) r.tables().stream().filter(t -> !t.countsMatch()).count();
        return new HtmlPage(
                r,
                tone(r.verdict()),
                r.exitCode(),
                new Totals(r.tables().size(), Figures.count(rows), Figures.duration(millis), mismatched),
                BarChart.of(r.tables()),
                r.tables().stream().map(HtmlPage::table).toList(),
                r.tables().stream().map(HtmlPage::content).toList(),
                r.foreignKeys().stream().map(HtmlPage::foreignKey).toList(),
                r.sequences().stream().map(HtmlPage::sequence).toList(),
                r.metrics().stream()
                        .map(f -> new Metric(
                                f.table(),
                                Figures.count(f.rowsRead()),
                                Figures.count(f.rowsWritten()),
                                Figures.count(f.valuesRefused()),
                                Figures.count(f.chunks()),
                                String.format(Locale.ROOT, "%.1f ms", f.meanChunkMillis()),
                                String.format(Locale.ROOT, "%.1f ms", f.maxChunkMillis())))
                        .toList(),
                r.verifyQueries().stream().map(HtmlPage::verifyRow).toList(),
                r.targetOnlyTables().stream()
                        .map(t -> new TargetOnly(t.name(), Figures.count(t.rows())))
                        .toList());
    }

    private static VerifyRow verifyRow(VerifyQueryResult q) {
        return new VerifyRow(
                q.name(),
                q.sqliteRows() < 0 ? "-" : Figures.count(q.sqliteRows()),
                q.postgresRows() < 0 ? "-" : Figures.count(q.postgresRows()),
                q.matches(),
                q.error() != null ? List.of("could not run on " + q.error()) : q.firstDifferences());
    }

    /** How a verdict looks: a passing run is green, a passing run with warnings amber, a failing one red. */
    private static String tone(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "pass";
            case PASS_WITH_WARNINGS -> "warn";
            case FAIL -> "fail";
        };
    }

    private static Table table(TableReport t) {
        return new Table(
                t.source(),
                t.target(),
                Figures.count(t.sourceRows()),
                Figures.count(t.targetRows()),
                Figures.count(t.quarantinedRows()),
                t.countsMatch(),
                Figures.count(t.rowsRead()),
                Figures.count(t.rowsWritten()),
                Figures.duration(t.durationMillis()),
                Figures.rowsPerSecond(t.rowsWrittenThisRun(), t.durationMillis()),
                t.columns().stream().map(HtmlPage::column).toList());
    }

    private static Content content(TableReport t) {
        ContentCheckResult c = t.content();
        return new Content(
                t.target(),
                Figures.count(c.sourceRows()),
                Figures.count(c.targetRows()),
                c.sourceChecksum(),
                c.targetChecksum(),
                c.matches(),
                c.firstDifferences());
    }

    private static Column column(ColumnReport c) {
        return new Column(c.source(), c.target(), c.targetType(), c.conversion(), adjustments(c.adjustments()));
    }

    private static ForeignKey foreignKey(ForeignKeyCheck f) {
        return new ForeignKey(
                f.name(),
                f.table(),
                f.referencedTable(),
                f.sourceOrphans() < 0 ? Figures.NOT_MEASURED : Figures.count(f.sourceOrphans()),
                Figures.count(f.targetOrphans()),
                f.ok(),
                f.restoredAfterCopy());
    }

    private static Sequence sequence(SequenceCheck s) {
        return new Sequence(
                s.sequence(),
                s.table() + "." + s.column(),
                optional(s.highestCopied()),
                optional(s.sqliteHighWater()),
                Figures.count(s.nextValue()),
                s.ok());
    }

    private static String optional(Long n) {
        return n == null ? "-" : Figures.count(n);
    }

    private static String adjustments(Map<String, Long> adjustments) {
        return new TreeMap<>(adjustments)
                .entrySet().stream()
                        .map(e -> e.getKey() + ": " + Figures.count(e.getValue()))
                        .collect(Collectors.joining(", "));
    }
}
