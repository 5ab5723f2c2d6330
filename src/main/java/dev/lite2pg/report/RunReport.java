package dev.lite2pg.report;

import java.util.List;

/**
 * Everything an operator signs off on after a run, as data; renderers turn it into JSON and Markdown.
 *
 * @param verdict PASS when every check passed, FAIL otherwise
 * @param problems why the verdict is FAIL, one line each
 */
public record RunReport(String job, String source, String sourceSha256, String target, String targetSchema,
                        String started, String finished, String verdict, List<TableReport> tables,
                        List<ForeignKeyCheck> foreignKeys, List<SequenceCheck> sequences, List<String> problems) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    public RunReport {
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
        sequences = List.copyOf(sequences);
        problems = List.copyOf(problems);
    }
}
