package dev.lite2pg.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lite2pg.metrics.TableFigures;
import java.util.List;

/**
 * Everything an operator signs off on after a run, as data; renderers turn it into JSON, Markdown and HTML.
 *
 * @param sourceFileSha256 the source file's sha256 just before its snapshot was taken (a live database changes after)
 * @param snapshotSha256 the snapshot's sha256: what the run copied and validated against, the run's identity
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
 * @param facts which lite2pg wrote the report, whether the run was a dry-run or a resume, how long it took
 */
public record RunReport(
        String job,
        String source,
        String sourceFileSha256,
        String snapshotSha256,
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
        List<TargetOnlyTable> targetOnlyTables,
        RunFacts facts) {

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

    /** The exit code the run ends with: what a script reading report.json acts on, as the process did. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public int exitCode() {
        return verdict.exitCode();
    }

    /** What the report is titled: a dry-run's verdict is a forecast of the cutover's, and says so. */
    public String title() {
        return (facts != null && facts.dryRun()
                        ? "lite2pg dry-run report (a rehearsal, not the cutover): "
                        : "lite2pg cutover report: ")
                + job;
    }

    /** This report with one more problem, and the verdict that makes. */
    public RunReport withProblem(String problem) {
        List<String> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new RunReport(
                job,
                source,
                sourceFileSha256,
                snapshotSha256,
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
                targetOnlyTables,
                facts);
    }
}
