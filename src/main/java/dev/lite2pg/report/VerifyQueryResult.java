package dev.lite2pg.report;

import java.util.List;

/**
 * One of the job's own verification queries after the copy: the SQLite query on the snapshot against the PostgreSQL
 * query on the target.
 *
 * @param sqliteRows rows the SQLite query returned; -1 when it could not run
 * @param postgresRows rows the PostgreSQL query returned; -1 when it could not run
 * @param firstDifferences the first rows only one side returned, as compared (values as text); empty when they match
 * @param error why a query could not run, naming the side; null when both ran
 */
public record VerifyQueryResult(
        String name, long sqliteRows, long postgresRows, List<String> firstDifferences, String error) {

    public VerifyQueryResult {
        firstDifferences = List.copyOf(firstDifferences);
    }

    public boolean matches() {
        return error == null && firstDifferences.isEmpty() && sqliteRows == postgresRows;
    }
}
