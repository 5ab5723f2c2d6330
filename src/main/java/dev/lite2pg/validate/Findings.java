package dev.lite2pg.validate;

import dev.lite2pg.check.ScanWarnings;
import dev.lite2pg.convert.Adjustment;
import dev.lite2pg.metrics.TableFigures;
import dev.lite2pg.report.ColumnReport;
import dev.lite2pg.report.ForeignKeyCheck;
import dev.lite2pg.report.LoadingReport;
import dev.lite2pg.report.QuarantineReport;
import dev.lite2pg.report.RunFacts;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.SchemaObjectCheck;
import dev.lite2pg.report.SequenceCheck;
import dev.lite2pg.report.TableReport;
import dev.lite2pg.report.TargetOnlyTable;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.report.VerifyQueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the validate step found on the target, and the one place that decides which findings fail the run (problems)
 * and which only need reading before sign-off (warnings). Pure: the step gathers, this judges.
 *
 * @param sourceTablesProblem the snapshot lacks tables the source file held, or the run copied none of them
 * @param quarantines the run sets bad rows aside, so source orphans are accounted for by the quarantined rows
 * @param setAsideRowsFail each row set aside would stop the cutover this run stands for (a dry-run of on-bad-row: fail)
 * @param quarantinedByTable rows set aside per target table; only tables with some
 * @param quarantineTable where they are: the table, qualified, or (a dry-run that drops it) where they are listed
 * @param mixedColumns the scan's warnings about columns mixing text timestamps and numbers
 * @param orphansThatFail the foreign keys, as {@code table (columns)}, each of whose orphans resolved would stop the
 *     cutover this run stands for (a dry-run of orphans: fail, for the whole job or that key)
 * @param orphansResolved rows whose parent row was not in the target, per {@code table (columns) ORIGIN}: quarantined
 *     (PARENT), deleted (DELETED) or set to NULL (SET_NULL) after the copy; see QuarantineTable.orphanCounts
 * @param verifyQueries the job's own verification queries, each compared on the snapshot and the target
 */
public record Findings(
        List<TableReport> tables,
        List<ForeignKeyCheck> foreignKeys,
        List<SequenceCheck> sequences,
        List<SchemaObjectCheck> schemaObjects,
        Optional<String> sourceTablesProblem,
        boolean quarantines,
        boolean setAsideRowsFail,
        Map<String, Long> quarantinedByTable,
        String quarantineTable,
        List<String> mixedColumns,
        Set<String> orphansThatFail,
        Map<String, Long> orphansResolved,
        List<VerifyQueryResult> verifyQueries) {

    /** The run's report: these findings, and the verdict, problems and warnings they make. */
    public RunReport report(
            String job,
            String source,
            String sourceFileSha256,
            String snapshotSha256,
            String target,
            String targetSchema,
            String started,
            String finished,
            QuarantineReport quarantine,
            LoadingReport loading,
            List<TableFigures> metrics,
            List<TargetOnlyTable> targetOnlyTables,
            RunFacts facts) {
        List<String> problems = problems();
        List<String> warnings = warnings();
        return new RunReport(
                job,
                source,
                sourceFileSha256,
                snapshotSha256,
                target,
                targetSchema,
                started,
                finished,
                Verdict.of(problems, warnings),
                tables,
                foreignKeys,
                sequences,
                problems,
                warnings,
                quarantine,
                loading,
                metrics,
                schemaObjects,
                verifyQueries,
                targetOnlyTables,
                facts);
    }

    private long orphans(String origin) {
        return orphansResolved.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + origin))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static String done(String key) {
        if (key.endsWith(" DELETED")) {
            return "deleted";
        }
        return key.endsWith(" SET_NULL") ? "set to NULL" : "quarantined";
    }

    /** Rows set aside for their own values; the rest were taken out for a missing parent (the orphans policy's). */
    private long badRows() {
        return quarantinedRows() - orphans("PARENT") - orphans("DELETED");
    }

    public long quarantinedRows() {
        return quarantinedByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Why the verdict is FAIL, one line each; empty when nothing is wrong with the target. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(TargetChecks.problems(tables, foreignKeys, sequences, quarantines));
        sourceTablesProblem.ifPresent(problems::add);
        schemaObjects.stream()
                .filter(o -> !o.ok())
                .forEach(o -> problems.add(
                        o.kind() + " " + o.name() + " on " + o.table() + (o.present() ? " is not valid" : " is missing")
                                + (o.deferred() ? " (dropped for the copy and not re-created)" : "")));
        tables.stream()
                .map(t -> ContentCheck.problem(t.content()))
                .flatMap(Optional::stream)
                .forEach(problems::add);
        verifyQueries.stream()
                .map(VerifyQueries::problem)
                .flatMap(Optional::stream)
                .forEach(problems::add);
        // Rows taken out for a missing parent are the orphans policy's to judge; a child of a bad row needs that row.
        long badRows = badRows();
        if (badRows > 0 && setAsideRowsFail) {
            // Counted apart: rows set aside only for a missing parent (children of these rows) are not more to fix.
            long withThem = quarantinedRows() - badRows;
            problems.add(badRows + " source row(s) would stop the cutover (on-bad-row: fail): each is listed under"
                    + " Quarantine with its key, column, value and reason. Fix them in a copy of the source, or choose"
                    + " on-bad-row: quarantine to copy everything else and keep them aside"
                    + (withThem > 0
                            ? "; " + withThem + " more row(s) were set aside only because their parent row is not in"
                                    + " the target"
                            : ""));
        }
        // Per key: a dry-run may rehearse one key that fails next to another the job resolves.
        long orphanRows = orphansResolved.entrySet().stream()
                .filter(e -> orphansThatFail.contains(e.getKey().replaceFirst(" (PARENT|DELETED|SET_NULL)$", "")))
                .mapToLong(Map.Entry::getValue)
                .sum();
        if (orphanRows > 0) {
            problems.add(orphanRows + " row(s) whose parent row is missing would stop the cutover (orphans: fail):"
                    + " each is listed under Quarantine with its key, foreign key columns and reason. Fix them in a copy"
                    + " of the source, or choose orphans: quarantine, set-null or delete");
        }
        return problems;
    }

    /**
     * What passes but must be read: rows set aside, columns mixing text timestamps and numbers (from the scan), then
     * every value the copy changed because the job asked for it (a time of day dropped, an offset converted or dropped).
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        long quarantinedRows = quarantinedRows();
        // A rehearsal of on-bad-row: fail names these rows as a problem already, with the rows they take along.
        if (quarantinedRows > 0 && !(setAsideRowsFail && badRows() > 0)) {
            warnings.add(quarantinedRows + " source row(s) quarantined instead of copied, in "
                    + quarantinedByTable.size() + " table(s): "
                    + quarantinedByTable.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + "; every one is in " + quarantineTable + " with its key, the whole source row and the reason");
        }
        if (!orphansResolved.isEmpty()) {
            warnings.add("rows whose parent row is not in the target, per table (foreign key columns): "
                    + orphansResolved.entrySet().stream()
                            .map(e -> e.getKey().replaceFirst(" (PARENT|DELETED|SET_NULL)$", "") + " " + e.getValue()
                                    + " " + done(e.getKey()))
                            .collect(Collectors.joining(", "))
                    + "; every one is in " + quarantineTable + " with its values before the change and the reason");
        }
        warnings.addAll(mixedColumns);
        for (TableReport table : tables) {
            for (ColumnReport column : table.columns()) {
                for (Adjustment a : Adjustment.values()) {
                    Long n = column.adjustments().get(a.name());
                    if (a.warns() && n != null) {
                        warnings.add(ScanWarnings.adjusted(table.source() + "." + column.source(), a, n));
                    }
                }
            }
        }
        return warnings;
    }
}
