package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.report.ColumnReport;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 part 6, through the real command line: booleans the source held as text are counted per column in the
 * report (not a warning), and the copied tables are analyzed after the load, before validation, shown in the report.
 */
@ExtendWith(TestDatabaseExtension.class)
class TextBooleansAndAnalyzeIT {

    private TestDatabase db;

    @TempDir
    Path work;

    @Test
    void textBooleansAreCountedPerColumnAndTheCopiedTablesAreAnalyzed() throws Exception {
        Path source = work.resolve("flags.sqlite");
        Path migrations = work.resolve("sql");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__schema.sql"), """
                CREATE TABLE flags (id integer PRIMARY KEY, active boolean, archived boolean);
                """);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE flags (id INTEGER PRIMARY KEY, active, archived)",
                    "INSERT INTO flags VALUES (1, 'false', 0), (2, 't', 1), (3, 1, 0), (4, 'FALSE', NULL)");
        }
        Path job = JobFile.named("flags")
                .source(source)
                .target(db)
                .schema("app")
                .migrations(migrations)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("flags.yml"));

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(cutover.out()).contains("ANALYZE of 1 copied table(s) in ");
        assertThat(db.rows("SELECT id, active, archived FROM app.flags ORDER BY id"))
                .containsExactly(
                        List.of("1", "f", "f"),
                        List.of("2", "t", "t"),
                        List.of("3", "t", "f"),
                        java.util.Arrays.asList("4", "f", null));
        // Statistics exist only once the table was analyzed: COPY and index builds leave pg_stats empty.
        assertThat(db.rows("SELECT count(*) > 0 FROM pg_stats WHERE schemaname = 'app' AND tablename = 'flags'"))
                .containsExactly(List.of("t"));

        RunReport report = RunReports.newest(work.resolve("runs"), "flags");
        // Counted and shown, not a warning: PostgreSQL holds what the text spelled.
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        Map<String, Map<String, Long>> adjustments = new java.util.HashMap<>();
        for (ColumnReport c : report.tables().get(0).columns()) {
            adjustments.put(c.target(), c.adjustments());
        }
        assertThat(adjustments)
                .containsEntry("active", Map.of("TEXT_BOOLEAN", 3L))
                .containsEntry("archived", Map.of())
                .containsEntry("id", Map.of());
        assertThat(report.loading().analyzedTables()).isEqualTo(1);
        Path folder = RunReports.newestFile(work.resolve("runs"), "flags").getParent();
        assertThat(Files.readString(folder.resolve("report.md")))
                .contains(
                        "| flags.active | active | boolean | boolean from 0/1 or t/f/true/false | TEXT\\_BOOLEAN: 3 |")
                .contains("- ANALYZE of the copied tables after the copy, before validation: 1 table(s) in ");
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("<li>ANALYZE of the copied tables after the copy, before validation: 1 table(s) in ");
    }
}
