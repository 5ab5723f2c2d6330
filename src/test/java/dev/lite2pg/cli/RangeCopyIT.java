package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.TableReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table holding most of the rows is cut into rowid ranges copied side by side: every row lands exactly once, the
 * report and {@code status} show it as one table, and a run stopped inside one range resumes that range from its own
 * saved position, with the ranges of the first start whatever {@code --parallel} says on the re-run.
 */
@ExtendWith(TestDatabaseExtension.class)
class RangeCopyIT {

    private static final String FAULT = PropertyFaultPoints.PROPERTY;
    /** -4,999 to 0, then every third rowid up to 105,000: negative rowids and gaps. */
    private static final int EVENTS = 40_000;

    private static final int TAGS = 50;

    @TempDir
    Path work;

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @Test
    void aTableCutIntoRangesIsCopiedExactlyAndReportedAsOneTable(TestDatabase db) throws Exception {
        Path job = job(db);

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "2");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .containsOnlyOnce("[copy] event: 40,000 rows (40,000 in this run)")
                .contains("[copy] tag: 50 rows");
        assertThat(rangeSteps(db))
                .containsExactly("copy:event#1/4", "copy:event#2/4", "copy:event#3/4", "copy:event#4/4");
        assertEveryRowOnce(db);
        RunReport report = RunReports.newest(work.resolve("runs"), "ranges");
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.PASS);
        TableReport event =
                report.tables().stream().filter(t -> t.target().equals("event")).collect(onlyOne());
        assertThat(event.rowsRead()).isEqualTo(EVENTS);
        assertThat(event.rowsWritten()).isEqualTo(EVENTS);
        assertThat(event.targetRows()).isEqualTo(EVENTS);
        assertThat(event.content().matches()).isTrue();
        assertThat(event.durationMillis()).isPositive();
        assertThat(report.metrics())
                .filteredOn(m -> m.table().equals("event"))
                .singleElement()
                .satisfies(m -> assertThat(m.rowsWritten()).isEqualTo(EVENTS));

        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out())
                .containsPattern("(?m)^  event +event +40000 +40000 +COMPLETED$")
                .doesNotContain("event#");
    }

    @Test
    void aRunStoppedInsideOneRangeResumesItWithTheSameRangesAndCopiesEveryRowOnce(TestDatabase db) throws Exception {
        Path job = job(db);
        System.setProperty(FAULT, "chunk:event#2/4:3");

        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "2");

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("injected fault after writing chunk 3 of event#2/4");
        assertThat(failed.out()).contains("[copy] event: FAILED after");
        CliRun stopped = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(stopped.out())
                .contains("copy:event#2/4")
                .containsPattern("(?m)^  event +event +\\d+ +40000 +FAILED$");
        long committedInRange2 = Long.parseLong(db.rows("SELECT count(*) FROM ranges.event WHERE id > "
                        + bound(2, false) + " AND id <= " + bound(2, true))
                .get(0)
                .get(0));
        assertThat(committedInRange2)
                .as("two chunks of 1,000 committed before the third failed")
                .isEqualTo(2_000);

        // One thread on the re-run would cut nothing, were the ranges cut again: the first start's are kept.
        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "1");

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).containsPattern("\\[copy] event: [\\d,]+ of 40,000 rows already copied, resuming");
        assertThat(rangeSteps(db))
                .containsExactly("copy:event#1/4", "copy:event#2/4", "copy:event#3/4", "copy:event#4/4");
        assertThat(db.rows("SELECT step_name, status FROM lite2pg.batch_step_execution"
                        + " WHERE step_name = 'copy:event#2/4' ORDER BY step_execution_id"))
                .as("range 2 failed, then resumed")
                .containsExactly(List.of("copy:event#2/4", "FAILED"), List.of("copy:event#2/4", "COMPLETED"));
        assertEveryRowOnce(db);
        RunReport report = RunReports.newest(work.resolve("runs"), "ranges");
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.PASS);
        assertThat(report.tables())
                .filteredOn(t -> t.target().equals("event"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.rowsRead()).isEqualTo(EVENTS);
                    assertThat(t.rowsWritten()).isEqualTo(EVENTS);
                });
        CliRun status = CliRun.of(db.environment(), "status", "--job", job.toString());
        assertThat(status.out()).containsPattern("(?m)^  event +event +40000 +40000 +COMPLETED$");
    }

    /** The bounds of range {@code index} of 4, as {@link dev.lite2pg.copy.RangePlanner} cuts -4,999..105,000. */
    private static long bound(int index, boolean upper) {
        long min = -4_999;
        long width = 105_000 - min + 1;
        return min + width * (upper ? index : index - 1) / 4 - 1;
    }

    private static void assertEveryRowOnce(TestDatabase db) throws Exception {
        assertThat(db.rows("SELECT count(*), count(DISTINCT id), min(id), max(id), sum(id) FROM ranges.event"))
                .containsExactly(List.of(
                        String.valueOf(EVENTS),
                        String.valueOf(EVENTS),
                        "-4999",
                        "105000",
                        String.valueOf(expectedIdSum())));
        assertThat(db.rows("SELECT count(*) FROM ranges.event WHERE payload <> 'payload ' || id"))
                .containsExactly(List.of("0"));
        assertThat(db.rows("SELECT count(*) FROM ranges.tag")).containsExactly(List.of(String.valueOf(TAGS)));
    }

    private static long expectedIdSum() {
        long sum = 0;
        for (long id = -4_999; id <= 0; id++) {
            sum += id;
        }
        for (long i = 1; i <= EVENTS - 5_000; i++) {
            sum += 3 * i;
        }
        return sum;
    }

    private static List<String> rangeSteps(TestDatabase db) throws Exception {
        return db
                .rows("SELECT DISTINCT step_name FROM lite2pg.batch_step_execution WHERE step_name LIKE 'copy:event%'"
                        + " ORDER BY step_name")
                .stream()
                .map(r -> r.get(0))
                .toList();
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private Path job(TestDatabase db) throws Exception {
        Path source = work.resolve("ranges.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE event (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL)");
            st.execute("CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO event VALUES (?, ?, ?)")) {
                for (long id = -4_999; id <= 0; id++) {
                    addEvent(insert, id);
                }
                for (long i = 1; i <= EVENTS - 5_000; i++) {
                    addEvent(insert, 3 * i);
                }
                insert.executeBatch();
            }
            for (int i = 1; i <= TAGS; i++) {
                st.execute("INSERT INTO tag VALUES (" + i + ", 'tag " + i + "')");
            }
            c.commit();
        }
        Path migrations = JobFile.migration(
                work.resolve("sql"),
                "CREATE TABLE event (id bigint PRIMARY KEY, kind text NOT NULL, payload text NOT NULL);\n"
                        + "CREATE TABLE tag (id bigint PRIMARY KEY, name text NOT NULL);\n");
        return JobFile.named("ranges")
                .source(source)
                .target(db)
                .schema("ranges")
                .migrations(migrations)
                .chunkSize(1000)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("ranges.yml"));
    }

    private static void addEvent(PreparedStatement insert, long id) throws Exception {
        insert.setLong(1, id);
        insert.setString(2, id % 2 == 0 ? "even" : "odd");
        insert.setString(3, "payload " + id);
        insert.addBatch();
    }
}
