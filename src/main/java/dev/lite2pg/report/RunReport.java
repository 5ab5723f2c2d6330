package dev.lite2pg.report;

import dev.lite2pg.metrics.TableFigures;
import java.util.List;

/**
 * Everything an operator signs off on after a run, as data; renderers turn it into JSON, Markdown and HTML.
 *
 * @param verdict PASS when every check passed, PASS WITH WARNINGS when they passed but there are warnings (rows set aside,
 *     values changed as the job's conversions asked, numbers among text timestamps), FAIL otherwise
 * @param problems why the verdict is FAIL, one line each
 * @param warnings why the verdict is PASS WITH WARNINGS, one line each
 * @param quarantine the policy for bad rows and the rows this run set aside
 * @param loading what the run did to load fast, so that nothing about the target is a surprise afterwards
 * @param metrics this process's figures per table (a resumed run counts only what the resume did)
 * @param schemaObjects every index and constraint of the target schema after the run, present and valid
 * @param verifyQueries the job file's own verification queries, SQLite snapshot against target
 * @param targetOnlyTables target tables nothing was copied into, left as they were, with their row counts after the run
 */
public record RunReport(
        String job,
        String source,
        String sourceSha256,
        String target,
        String targetSchema,
        String started,
        String finished,
        Verdict verdict,
        List<TableReport> tables,
        List<ForeignKeyCheck> foreignKeys,
        List<SequenceCheck> sequences,
        List<String> problems,
        List<String> warnings,
        QuarantineReport quarantine,
        LoadingReport loading,
        List<TableFigures> metrics,
        List<SchemaObjectCheck> schemaObjects,
        List<VerifyQueryResult> verifyQueries,
        List<TargetOnlyTable> targetOnlyTables) {

    public RunReport {
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
        sequences = List.copyOf(sequences);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        metrics = List.copyOf(metrics);
        schemaObjects = List.copyOf(schemaObjects);
        // A report.json written before the job file could carry verification queries has none.
        verifyQueries = verifyQueries == null ? List.of() : List.copyOf(verifyQueries);
        // Nor one written before target-only tables were listed.
        targetOnlyTables = targetOnlyTables == null ? List.of() : List.copyOf(targetOnlyTables);
    }

    /** This report with one more problem, and the verdict that makes. */
    public RunReport withProblem(String problem) {
        List<String> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new RunReport(
                job,
                source,
                sourceSha256,
                target,
                targetSchema,
                started,
                finished,
                Verdict.of(more, warnings),
                tables,
                foreignKeys,
                sequences,
                more,
                warnings,
                quarantine,
                loading,
                metrics,
                schemaObjects,
                verifyQueries,
                targetOnlyTables);
    }
}
