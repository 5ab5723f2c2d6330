package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-phase cutover: {@code cutover --live} while the application writes, then {@code catch-up} with it stopped.
 * Whatever the application did in between — inserts, updates and deletes in parents and children, rows of a foreign
 * key cycle, a key that changed, a text key, a reserved table name — the caught-up target must equal a one-phase
 * cutover of the final file, table by table: that cutover goes into a second schema of the same database and the
 * two schemas are compared row for row with EXCEPT ALL both ways (no checksum of lite2pg's own in the comparison).
 */
@ExtendWith(TestDatabaseExtension.class)
class CatchUpIT {

    /** The target schema: a cycle (team.captain_id <-> player.team_id), a reserved name, a text key, a keyless table. */
    static final String SCHEMA = """
            create table team (id bigint primary key, name text not null, captain_id bigint);
            create table player (
                id bigint primary key,
                team_id bigint not null references team (id) on delete cascade,
                name text not null,
                joined timestamp,
                score double precision,
                active boolean not null,
                meta jsonb);
            alter table team add constraint team_captain_fk foreign key (captain_id) references player (id);
            create table "order" (id bigint primary key, "user" bigint not null references player (id), total numeric(10, 2));
            create table tag (code text primary key, label text);
            create table note (body text);
            """;

    static final List<String> TABLES = List.of("team", "player", "\"order\"", "tag", "note");

    @TempDir
    Path work;

    @Test
    void insertsUpdatesAndDeletesInParentsChildrenAndACycleAreCaughtUpExactlyTwice(TestDatabase db) throws Exception {
        Path source = source();
        Path job = job("league", source, db, "");
        CliRun live = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live");
        assertThat(live.exitCode()).as(live.all()).isZero();
        assertThat(live.out())
                .contains("validation PASS as of the snapshot")
                .contains("[snapshot] kept")
                .contains("WARNING: catch-up cannot take changes to note (no primary key");

        sqlite(source, """
                -- a new team whose captain is a new player of it: a cycle of new rows
                INSERT INTO team (id, name, captain_id) VALUES (100, 'New', 1000);
                INSERT INTO player VALUES (1000, 100, 'Cap', '2026-12-03 10:00:00.123456', 1.5, 1, '{"a": [1, 2]}');
                -- updates of every kind of value
                UPDATE player SET name = 'Renamed', score = -0.25, joined = '2024-02-29 23:59:59', active = 0,
                    meta = '{"b": null}' WHERE id IN (3, 4);
                UPDATE player SET meta = NULL, joined = NULL WHERE id = 5;
                -- a value that only changes its storage class: text '7' to integer 7 is a change for a text column
                UPDATE team SET name = 7 WHERE id = 2;
                -- a parent and its children deleted
                DELETE FROM "order" WHERE "user" = 6;
                UPDATE team SET captain_id = NULL WHERE captain_id = 6;
                DELETE FROM player WHERE id = 6;
                -- a key that changed, with its children following it
                UPDATE player SET id = 7007 WHERE id = 7;
                UPDATE "order" SET "user" = 7007 WHERE "user" = 7;
                UPDATE team SET captain_id = 7007 WHERE captain_id = 7;
                -- the captain of team 1 moves to another player
                UPDATE team SET captain_id = 8 WHERE id = 1;
                INSERT INTO "order" (id, "user", total) VALUES (9001, 1000, 12.5);
                DELETE FROM "order" WHERE id % 10 = 3;
                -- a text key: a value changed, a key changed only in case (the same key to SQLite's NOCASE, another
                -- one to PostgreSQL), a new one, a deleted one
                UPDATE tag SET label = 'Label' WHERE code = 'c1';
                UPDATE tag SET code = 'C5' WHERE code = 'c5';
                INSERT INTO tag VALUES ('C31', 'upper');
                DELETE FROM tag WHERE code = 'c2';
                """);
        CliRun first = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out())
                .contains("applied in one transaction")
                .contains("catch-up 1 applied, validation PASS")
                .contains("tables without a key")
                .contains("note");
        assertEqualsOnePhaseCutover(db, source);

        sqlite(source, """
                -- a whole team goes, with its players and their orders
                UPDATE team SET captain_id = NULL WHERE id = 3;
                DELETE FROM "order" WHERE "user" IN (SELECT id FROM player WHERE team_id = 3);
                DELETE FROM player WHERE team_id = 3;
                DELETE FROM team WHERE id = 3;
                UPDATE "order" SET total = total + 0.01 WHERE id % 7 = 0;
                INSERT INTO tag VALUES ('new', NULL);
                """);
        CliRun second = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out())
                .contains("catch-up 2 applied, validation PASS")
                // team, player, "order" and tag changed; every one of their column types has a canonical form
                .containsPattern(
                        "validated in [\\d.]+ s: 4 changed table\\(s\\) in full \\(4 by the checksum kept since the copy");
        assertEqualsOnePhaseCutover(db, source);

        CliRun idle = CliRun.of(db.environment(), "catch-up", "--job", job.toString(), "--json");
        assertThat(idle.exitCode()).as(idle.all()).isZero();
        assertThat(idle.err()).contains("up to date; nothing was written");
        var document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(idle.out());
        assertThat(document.get("command").asString()).isEqualTo("catch-up");
        assertThat(document.get("exitCode").asInt()).isZero();
        assertThat(document.get("status").asString()).isEqualTo("UP_TO_DATE");
        assertThat(document.get("catchUp").get("number").asInt()).isEqualTo(2);
        assertThat(document.get("catchUp").get("verdict").asString()).isEqualTo("PASS");

        Path report = Files.list(work.resolve("runs").resolve("league"))
                .filter(p -> p.getFileName().toString().startsWith("catch-up-"))
                .sorted()
                .reduce((a, b) -> b)
                .orElseThrow()
                .resolve("catch-up.md");
        assertThat(Files.readString(report))
                .contains("# Catch-up 2 of job league: PASS")
                .contains("| 1 |");
        // Only the newest snapshot stays: the base of the next catch-up.
        try (var files = Files.list(work.resolve("runs").resolve("league"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".sqlite")))
                    .hasSize(1);
        }
    }

    @Test
    void aTargetRowChangedBehindTheCatchUpsBackFailsTheValidationNamingIt(TestDatabase db) throws Exception {
        Path source = source();
        Path job = job("tampered", source, db, "");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live")
                        .exitCode())
                .isZero();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE league.player SET score = score + 1e-9 WHERE id = 20");
        }
        sqlite(source, "UPDATE player SET name = 'changed' WHERE id = 21;");
        CliRun run = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err())
                .contains("validation FAIL")
                .contains("table player")
                .contains("id=20");
    }

    @Test
    void aChangedTableWithoutAKeyIsNamedAndNothingIsWritten(TestDatabase db) throws Exception {
        Path source = source();
        Path job = job("keyless", source, db, "");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live")
                        .exitCode())
                .isZero();
        sqlite(source, "INSERT INTO note VALUES ('a new note'); UPDATE player SET name = 'x' WHERE id = 1;");
        CliRun run = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains("cannot catch up note")
                .contains("Nothing was written")
                .contains("mapping.exclude")
                .contains("cutover --fresh");
        assertThat(db.rows("SELECT name FROM league.player WHERE id = 1").get(0).get(0))
                .isNotEqualTo("x");
    }

    @Test
    void aBadValueInTheChangesUnderOnBadRowFailIsListedAndNothingIsWritten(TestDatabase db) throws Exception {
        Path source = source();
        Path job = job("strict", source, db, "");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live")
                        .exitCode())
                .isZero();
        sqlite(source, "UPDATE player SET joined = 'not a date' WHERE id = 11; DELETE FROM \"order\" WHERE id = 1;");
        CliRun refused = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err())
                .contains("nothing was written")
                .contains("table player")
                .contains("column joined")
                .contains("not a date")
                .contains("bad-values.csv");
        assertThat(db.rows("SELECT count(*) FROM league.\"order\" WHERE id = 1")
                        .get(0)
                        .get(0))
                .as("the delete in the same changes was not applied either")
                .isEqualTo("1");

        sqlite(source, "UPDATE player SET joined = '2025-01-01 00:00:00' WHERE id = 11;");
        CliRun fixed = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(fixed.exitCode()).as(fixed.all()).isZero();
        assertEqualsOnePhaseCutover(db, source);
    }

    @Test
    void aBadValueInTheChangesUnderOnBadRowQuarantineIsSetAsideAndComesBackWhenFixed(TestDatabase db) throws Exception {
        Path source = source();
        Path job = job("lenient", source, db, "on-bad-row: quarantine\n");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live")
                        .exitCode())
                .isZero();
        // Player 40 has no orders and captains no team: setting it aside leaves no child behind.
        sqlite(source, "UPDATE player SET joined = 'garbage' WHERE id = 40; INSERT INTO tag VALUES ('q', 'q');");
        CliRun run = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("1 refused");
        assertThat(db.rows("SELECT count(*) FROM league.player WHERE id = 40")
                        .get(0)
                        .get(0))
                .isEqualTo("0");
        assertThat(db.rows("SELECT bad_value, reason FROM lite2pg_repo.quarantine WHERE target_table = 'player'"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(0)).contains("garbage"));
        assertThat(db.rows("SELECT count(*) FROM league.tag WHERE code = 'q'")
                        .get(0)
                        .get(0))
                .as(run.all())
                .isEqualTo("1");

        sqlite(source, "UPDATE player SET joined = '2025-05-05 05:05:05' WHERE id = 40;");
        CliRun fixed = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(fixed.exitCode()).as(fixed.all()).isZero();
        assertThat(db.rows("SELECT count(*) FROM lite2pg_repo.quarantine WHERE target_table = 'player'")
                        .get(0)
                        .get(0))
                .isEqualTo("0");
        assertEqualsOnePhaseCutover(db, source);
    }

    @Test
    void aCatchUpKilledBeforeItsCommitWroteNothingAndRunsAgain(TestDatabase db) throws Exception {
        Path source = source();
        Path job = job("killed", source, db, "");
        assertThat(CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live")
                        .exitCode())
                .isZero();
        sqlite(source, "UPDATE player SET name = 'after' WHERE id < 50; DELETE FROM \"order\" WHERE id > 400;");
        String before = db.rows("SELECT count(*), max(name) FROM league.player WHERE id < 50")
                .toString();
        try (ChildCutover child = ChildCutover.start(
                "catch-up", job, work, db.environment(), List.of("-Dlite2pg.fault=hang:catch-up:commit"))) {
            child.awaitLine(line -> line.contains("[fault] hanging at catch-up:commit"), Duration.ofMinutes(2));
            child.kill();
        }
        assertThat(db.rows("SELECT count(*), max(name) FROM league.player WHERE id < 50")
                        .toString())
                .as("nothing of the killed catch-up is in the target")
                .isEqualTo(before);
        CliRun again = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("catch-up 1 applied, validation PASS");
        assertEqualsOnePhaseCutover(db, source);
    }

    /** The final source copied in one phase into schema "reference"; every table must hold the same rows. */
    private void assertEqualsOnePhaseCutover(TestDatabase db, Path source) throws Exception {
        Path copy = work.resolve("reference-" + System.nanoTime() + ".sqlite");
        Files.copy(source, copy);
        Path reference = JobFile.named("reference")
                .source(copy)
                .target(db)
                .schema("reference")
                .migrations(work.resolve("migrations"))
                .extra("repository-schema: reference_repo\n")
                .output(work.resolve("reference-runs"))
                .writeTo(work.resolve("reference.yml"));
        CliRun once = CliRun.of(db.environment(), "cutover", "--job", reference.toString(), "--fresh", "--yes");
        assertThat(once.exitCode()).as(once.all()).isZero();
        String targetSchema = db.rows("SELECT nspname FROM pg_namespace WHERE nspname IN ('league')")
                        .isEmpty()
                ? null
                : "league";
        assertThat(targetSchema).isNotNull();
        for (String table : TABLES) {
            for (String[] pair : List.of(new String[] {"league", "reference"}, new String[] {"reference", "league"})) {
                List<List<String>> extra = db.rows("SELECT * FROM " + pair[0] + "." + table
                        + " EXCEPT ALL SELECT * FROM " + pair[1] + "." + table);
                assertThat(extra)
                        .as("rows of %s.%s that %s.%s lacks", pair[0], table, pair[1], table)
                        .isEmpty();
            }
        }
    }

    private Path job(String name, Path source, TestDatabase db, String extra) {
        return job(work, name, source, db, extra);
    }

    /** The league job into schema league (repository lite2pg_repo), its runs under {@code work}/runs. */
    static Path job(Path work, String name, Path source, TestDatabase db, String extra) {
        Path migrations = JobFile.migration(work.resolve("migrations"), SCHEMA);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema("league")
                .migrations(migrations)
                .extra("repository-schema: lite2pg_repo\n" + extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }

    private Path source() throws Exception {
        return source(work);
    }

    /** A league: 20 teams (each captained by one of its players), 300 players, 600 orders, 30 tags, 10 notes. */
    static Path source(Path work) throws Exception {
        Path file = work.resolve("league.sqlite");
        sqlite(file, """
                CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT NOT NULL, captain_id INTEGER REFERENCES player (id));
                CREATE TABLE player (id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
                    name TEXT NOT NULL, joined TEXT, score REAL, active INTEGER NOT NULL, meta TEXT);
                CREATE TABLE "order" (id INTEGER PRIMARY KEY, "user" INTEGER NOT NULL REFERENCES player (id),
                    total NUMERIC);
                CREATE TABLE tag (code TEXT PRIMARY KEY COLLATE NOCASE, label TEXT) WITHOUT ROWID;
                CREATE TABLE note (body TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
                INSERT INTO team SELECT i, 'Team ' || i, NULL FROM n WHERE i <= 20;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                INSERT INTO player SELECT i, 1 + i % 20, 'Player ' || i, '2020-01-0' || (1 + i % 9) || ' 12:00:00',
                    i / 7.0, i % 2, '{"i": ' || i || '}' FROM n;
                UPDATE team SET captain_id = (SELECT min(id) FROM player WHERE team_id = team.id);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
                INSERT INTO "order" SELECT i, 1 + i % 39, i * 1.25 FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
                INSERT INTO tag SELECT 'c' || i, 'tag ' || i FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
                INSERT INTO note SELECT 'note ' || i FROM n;
                PRAGMA journal_mode = WAL;
                """);
        return file;
    }

    /**
     * The application's writes, in one transaction, with SQLite's foreign keys off (its default); statements end at
     * a semicolon (the scripts hold none inside a value).
     */
    static void sqlite(Path file, String script) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : script.split(";")) {
                String sql = statement
                        .lines()
                        .filter(l -> !l.strip().startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b)
                        .strip();
                if (!sql.isEmpty()) {
                    if (sql.startsWith("PRAGMA")) {
                        c.commit();
                        c.setAutoCommit(true);
                    }
                    st.execute(sql);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @SuppressWarnings("unused")
    private static Map<String, String> none() {
        return Map.of();
    }
}
