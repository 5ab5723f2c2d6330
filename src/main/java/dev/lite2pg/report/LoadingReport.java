package dev.lite2pg.report;

import java.util.List;

/**
 * How the copy was made fast, and what it changed for the time of the copy: every object dropped was re-created
 * and validated by the constraints step, which the report's foreign key and schema checks confirm.
 *
 * @param parallelism tables copied at the same time
 * @param deferredForeignKeys foreign keys dropped before the copy and added back (NOT VALID, then VALIDATE) after it
 * @param deferredIndexes secondary indexes dropped before the copy and built after it
 * @param constraintsMillis time spent re-creating them, over every run of this job instance
 * @param analyzedTables copied tables analyzed after the copy, before validation
 * @param analyzeMillis time the ANALYZE took (its last run, on a resumed job)
 * @param sessionSettings what was set on the copy's sessions, and why
 */
public record LoadingReport(
        int parallelism,
        List<String> deferredForeignKeys,
        List<String> deferredIndexes,
        long constraintsMillis,
        int analyzedTables,
        long analyzeMillis,
        List<String> sessionSettings) {

    public LoadingReport {
        deferredForeignKeys = List.copyOf(deferredForeignKeys);
        deferredIndexes = List.copyOf(deferredIndexes);
        sessionSettings = List.copyOf(sessionSettings);
    }
}
