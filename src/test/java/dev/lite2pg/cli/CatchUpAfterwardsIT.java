package dev.lite2pg.cli;

import static dev.lite2pg.cli.CatchUpIT.job;
import static dev.lite2pg.cli.CatchUpIT.source;
import static dev.lite2pg.cli.CatchUpIT.sqlite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the other commands make of a target brought up to date by catch-ups: a plain {@code cutover} judges it
 * against the newest catch-up (its source stamp, and per table the rows of the newest catch-up that changed it),
 * {@code status} lists the catch-ups and the next step, and {@code cutover --fresh} leaves no snapshot behind.
 * Uses {@link CatchUpIT}'s league (20 teams, 300 players, 600 orders, 30 tags, 10 notes).
 */
@ExtendWith(TestDatabaseExtension.class)
class CatchUpAfterwardsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SPRING_URL = "spring.datasource.url";

    @TempDir
    Path work;

    @Test
    void aPlainCutoverAfterCatchUpsIsJudgedAgainstTheNewestCatchUp(TestDatabase db) throws Exception {
        Path source = source(work);
        Path job = job(work, "league", source, db, "");
        CliRun live = cli(db, "cutover", "--job", job.toString(), "--live");
        assertThat(live.exitCode()).as(live.all()).isZero();
        CliRun idle = cli(db, "cutover", "--job", job.toString());
        assertThat(idle.exitCode()).as(idle.all()).isZero();
        assertThat(idle.out()).contains("already completed run ").contains("nothing was written");

        sqlite(source, """
                UPDATE player SET name = 'x' WHERE id = 1;
                INSERT INTO player VALUES (1001, 1, 'New', NULL, NULL, 1, NULL);
                INSERT INTO tag VALUES ('zz', 'zz');
                """);
        CliRun changed = cli(db, "cutover", "--job", job.toString());
        assertThat(changed.exitCode()).as(changed.all()).isEqualTo(2);
        assertThat(changed.err())
                .contains("has changed since the run's snapshot ")
                .contains("Nothing was written")
                .contains("stop the application, then lite2pg catch-up --job FILE")
                .contains("cutover --fresh");
        assertThat(count(db, "league.player")).isEqualTo(300);

        CliRun first = cli(db, "catch-up", "--job", job.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        // Spring's data source points nowhere: the answer comes from the read-only session alone.
        System.setProperty(SPRING_URL, "jdbc:postgresql://127.0.0.1:1/no-such-server");
        try {
            CliRun after = cli(db, "cutover", "--job", job.toString());
            assertThat(after.exitCode()).as(after.all()).isZero();
            assertThat(after.out())
                    .contains("already completed run ")
                    .contains("caught up 1 time(s) since")
                    .contains("nothing was written");
        } finally {
            System.clearProperty(SPRING_URL);
        }

        // Catch-up 2 changes tag only: player's rows are still those catch-up 1 left.
        sqlite(source, "INSERT INTO tag VALUES ('yy', 'yy');");
        CliRun second = cli(db, "catch-up", "--job", job.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        CliRun twice = cli(db, "cutover", "--job", job.toString());
        assertThat(twice.exitCode()).as(twice.all()).isZero();
        assertThat(twice.out()).contains("caught up 2 time(s) since").contains("nothing was written");

        execute(db, "INSERT INTO league.player (id, team_id, name, active) VALUES (5000, 1, 'by hand', true)");
        CliRun gained = cli(db, "cutover", "--job", job.toString());
        assertThat(gained.exitCode()).as(gained.all()).isEqualTo(3);
        assertThat(gained.err())
                .contains("no longer holds what run ")
                .contains("and its catch-ups left: player (301 rows after catch-up 1, 302 now).")
                .doesNotContain("tag (");
        execute(db, "DELETE FROM league.player WHERE id = 5000");

        // Catch-up 2 committed, and its process died before its verdict.
        execute(db, "UPDATE lite2pg_repo.catch_up SET verdict = NULL WHERE number = 2");
        CliRun unjudged = cli(db, "cutover", "--job", job.toString());
        assertThat(unjudged.exitCode()).as(unjudged.all()).isEqualTo(2);
        assertThat(unjudged.err())
                .contains("catch-up 2 was applied and never validated")
                .contains("Nothing was written")
                .contains("Run lite2pg catch-up --job FILE again");
        execute(
                db,
                "UPDATE lite2pg_repo.catch_up SET verdict = 'FAIL',"
                        + " problems = '[\"table tag: 31 rows in the target, 32 expected from the source\"]' WHERE number = 2");
        CliRun failed = cli(db, "cutover", "--job", job.toString());
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(3);
        assertThat(failed.err())
                .contains("catch-up 2 failed its validation (table tag: 31 rows in the target, 32 expected from the"
                        + " source)")
                .contains("Run lite2pg catch-up --job FILE again");

        CliRun revalidated = cli(db, "catch-up", "--job", job.toString());
        assertThat(revalidated.exitCode()).as(revalidated.all()).isZero();
        assertThat(revalidated.out()).contains("catch-up 3 applied, validation PASS");
        CliRun done = cli(db, "cutover", "--job", job.toString());
        assertThat(done.exitCode()).as(done.all()).isZero();
        assertThat(done.out()).contains("caught up 3 time(s) since").contains("nothing was written");

        // Written to again: the snapshot the target holds now is catch-up 3's, and catch-up is the way on.
        sqlite(source, "UPDATE tag SET label = 'again' WHERE code = 'c3';");
        CliRun later = cli(db, "cutover", "--job", job.toString());
        assertThat(later.exitCode()).as(later.all()).isEqualTo(2);
        assertThat(later.err())
                .containsPattern("has changed since the snapshot .*snapshot-.*\\.sqlite of catch-up 3, whose rows the"
                        + " target holds")
                .contains("stop the application, then lite2pg catch-up --job FILE");
    }

    @Test
    void statusListsEachCatchUpAndTheNextStep(TestDatabase db) throws Exception {
        Path source = source(work);
        Path job = job(work, "league", source, db, "");
        CliRun live = cli(db, "cutover", "--job", job.toString(), "--live");
        assertThat(live.exitCode()).as(live.all()).isZero();

        CliRun before = cli(db, "status", "--job", job.toString());
        assertThat(before.exitCode()).as(before.all()).isZero();
        assertThat(before.out())
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  COMPLETED$")
                .containsPattern("(?m)^  the target is complete as of the snapshot .*snapshot-.*\\.sqlite \\(kept as"
                        + " the base of catch-up\\); next: stop the application, then lite2pg catch-up --job FILE"
                        + " applies what it wrote since$")
                .doesNotContain("catch-up  applied");
        JsonNode run = onlyRun(cli(db, "status", "--job", job.toString(), "--json"));
        assertThat(run.get("live").asBoolean()).isTrue();
        assertThat(run.get("catchUps").size()).isZero();
        assertThat(run.get("next").asString()).startsWith("the target is complete as of the snapshot ");

        sqlite(source, """
                INSERT INTO tag VALUES ('n1', 'n');
                INSERT INTO tag VALUES ('n2', 'n');
                UPDATE player SET name = 'u' WHERE id IN (1, 2, 3);
                DELETE FROM "order" WHERE id = 5;
                """);
        CliRun catchUp = cli(db, "catch-up", "--job", job.toString());
        assertThat(catchUp.exitCode()).as(catchUp.all()).isZero();

        CliRun after = cli(db, "status", "--job", job.toString());
        assertThat(after.exitCode()).as(after.all()).isZero();
        assertThat(after.out())
                .containsPattern("(?m)^  catch-up  applied +inserted  updated  deleted  refused  verdict$")
                .containsPattern("(?m)^  1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +2 +3 +1 +0  PASS$")
                .doesNotContain("complete as of the snapshot");
        run = onlyRun(cli(db, "status", "--job", job.toString(), "--json"));
        JsonNode entry = run.get("catchUps").get(0);
        assertThat(run.get("catchUps").size()).isEqualTo(1);
        assertThat(entry.get("number").asInt()).isEqualTo(1);
        assertThat(List.of(
                        entry.get("inserted").asLong(),
                        entry.get("updated").asLong(),
                        entry.get("deleted").asLong(),
                        entry.get("refused").asLong()))
                .containsExactly(2L, 3L, 1L, 0L);
        assertThat(entry.get("verdict").asString()).isEqualTo("PASS");
        assertThat(entry.get("applied").isNull()).isFalse();
        assertThat(run.get("next").isNull()).isTrue();

        execute(db, "UPDATE lite2pg_repo.catch_up SET verdict = NULL WHERE number = 1");
        CliRun unjudged = cli(db, "status", "--job", job.toString());
        assertThat(unjudged.out())
                .containsPattern("(?m)^  1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +2 +3 +1 +0  not validated$")
                .contains("catch-up 1 was applied and not validated")
                .contains("lite2pg catch-up --job FILE validates again the tables it changed");
        assertThat(onlyRun(cli(db, "status", "--job", job.toString(), "--json"))
                        .get("catchUps")
                        .get(0)
                        .get("verdict")
                        .isNull())
                .isTrue();

        // A target cut over before catch-ups existed has no catch_up table, and status, read-only, makes none.
        execute(db, "DROP TABLE lite2pg_repo.catch_up");
        CliRun old = cli(db, "status", "--job", job.toString());
        assertThat(old.exitCode()).as(old.all()).isZero();
        assertThat(old.out())
                .containsPattern("(?m)^run \\d+  source sha256 [0-9a-f]{12}  COMPLETED$")
                .contains("which is gone: a catch-up cannot tell what changed since")
                .doesNotContain("catch-up  applied");
        assertThat(db.rows("SELECT to_regclass('lite2pg_repo.catch_up') IS NULL"))
                .containsExactly(List.of("t"));
    }

    @Test
    void freshAfterCatchUpsDeletesTheSnapshotTheTargetHeld(TestDatabase db) throws Exception {
        Path source = source(work);
        Path job = job(work, "league", source, db, "");
        CliRun live = cli(db, "cutover", "--job", job.toString(), "--live");
        assertThat(live.exitCode()).as(live.all()).isZero();
        List<Path> runSnapshot = snapshots();
        assertThat(runSnapshot).hasSize(1);

        sqlite(source, "UPDATE player SET name = 'later' WHERE id = 9; INSERT INTO tag VALUES ('f', 'f');");
        CliRun catchUp = cli(db, "catch-up", "--job", job.toString());
        assertThat(catchUp.exitCode()).as(catchUp.all()).isZero();
        List<Path> held = snapshots();
        assertThat(held)
                .as("the catch-up's snapshot replaced the run's")
                .hasSize(1)
                .doesNotContainAnyElementsOf(runSnapshot);

        // The guard compares with what the newest catch-up left: a write to the target after it (the application
        // live on PostgreSQL) is refused, the catch-up's own changes are not.
        try (var c = db.connect();
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE league.tag SET label = 'written by the application' WHERE code = 'f'");
        }
        CliRun guarded = cli(db, "cutover", "--job", job.toString(), "--fresh", "--yes");
        assertThat(guarded.exitCode()).as(guarded.all()).isEqualTo(2);
        assertThat(guarded.err())
                .contains("Nothing was changed")
                .contains("1 table(s)")
                .contains("tag (")
                .contains("Compared with what its newest catch-up left");
        assertThat(snapshots()).as("a refused --fresh deletes nothing").isEqualTo(held);

        CliRun fresh =
                cli(db, "cutover", "--job", job.toString(), "--fresh", "--yes", "--discard-changes-since-cutover");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out())
                .contains("[fresh] deleted " + held.get(0) + ": the copy of the source run ")
                .contains("no stale copy of the data stays on disk");
        assertThat(snapshots())
                .as("the new run is not live and its source unchanged: it keeps no snapshot either")
                .isEmpty();

        // A --live run whose tables only its catch-up changed: --fresh needs no override, and deletes the snapshot
        // the catch-up left.
        CliRun again = cli(db, "cutover", "--job", job.toString(), "--fresh", "--yes", "--live");
        assertThat(again.exitCode()).as(again.all()).isZero();
        sqlite(source, "UPDATE player SET name = 'again' WHERE id = 10; DELETE FROM tag WHERE code = 'c3';");
        CliRun caughtUp = cli(db, "catch-up", "--job", job.toString());
        assertThat(caughtUp.exitCode()).as(caughtUp.all()).isZero();
        List<Path> kept = snapshots();
        assertThat(kept).hasSize(1);
        CliRun last = cli(db, "cutover", "--job", job.toString(), "--fresh", "--yes");
        assertThat(last.exitCode()).as(last.all()).isZero();
        assertThat(last.out()).contains("[fresh] deleted " + kept.get(0) + ": ");
        assertThat(snapshots()).isEmpty();
    }

    private static CliRun cli(TestDatabase db, String... args) {
        return CliRun.of(db.environment(), args);
    }

    private static JsonNode onlyRun(CliRun status) {
        assertThat(status.exitCode()).as(status.all()).isZero();
        JsonNode runs = JSON.readTree(status.out()).get("runs");
        assertThat(runs.size()).isEqualTo(1);
        return runs.get(0);
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static long count(TestDatabase db, String table) throws Exception {
        return Long.parseLong(db.rows("SELECT count(*) FROM " + table).get(0).get(0));
    }

    private List<Path> snapshots() throws Exception {
        try (Stream<Path> files = Files.list(work.resolve("runs").resolve("league"))) {
            return files.filter(f -> f.getFileName().toString().matches("snapshot-.*\\.sqlite"))
                    .sorted()
                    .toList();
        }
    }
}
