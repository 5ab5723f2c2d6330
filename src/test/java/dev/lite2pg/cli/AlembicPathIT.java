package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.TargetOnlyTable;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan SQLAlchemy + Alembic teams follow (issue 13): the application's own migrations build the target schema and
 * fill some of its tables ({@code alembic_version}, lookup rows), then lite2pg copies the data. The source is stored
 * the way SQLAlchemy stores it in SQLite: {@code YYYY-MM-DD HH:MM:SS.ffffff} text, 0/1 and 'true'/'false' booleans,
 * JSON text, AUTOINCREMENT ids. Plain SQL run here stands in for {@code alembic upgrade head}.
 */
@ExtendWith(TestDatabaseExtension.class)
class AlembicPathIT {

    /** What {@code alembic upgrade head} would leave: the schema, its version row and the lookup rows it inserts. */
    private static final String ALEMBIC_SCHEMA = """
            CREATE TABLE alembic_version (
                version_num varchar(32) NOT NULL,
                CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
            );
            INSERT INTO alembic_version VALUES ('b7e2f1c0a9d4');
            CREATE TABLE role (id integer PRIMARY KEY, name varchar(50) NOT NULL UNIQUE);
            INSERT INTO role VALUES (1, 'admin'), (2, 'member');
            CREATE TABLE "user" (
                id serial PRIMARY KEY,
                email varchar(255) NOT NULL UNIQUE,
                is_active boolean NOT NULL,
                is_admin boolean,
                created_at timestamp without time zone NOT NULL,
                settings json
            );
            """;

    @TempDir
    Path work;

    @Test
    void aSchemaBuiltByTheApplicationsMigrationsIsCheckedAndCopiedWithNoManualStep(TestDatabase db) throws Exception {
        Path source = sqlalchemySource("app.sqlite", "2024-03-01 10:15:30.123456");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA app; SET search_path TO app; " + ALEMBIC_SCHEMA);
        }
        Path job = JobFile.named("alembic")
                .source(source)
                .target(db)
                .schema("app")
                .extra("schema:\n  migrate: false\n")
                .output(work.resolve("runs"))
                .writeTo(work.resolve("alembic.yml"));

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());

        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).contains("read as it is").contains("read-only");
        assertThat(db.rows("SELECT (SELECT count(*) FROM app.\"user\"), (SELECT version_num FROM app.alembic_version)"))
                .as("check wrote nothing to the target")
                .containsExactly(List.of("0", "b7e2f1c0a9d4"));

        // alembic_version is in both: the run names it with the choice and copies nothing.
        CliRun refused = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err())
                .contains("alembic_version holds 1 row(s) and the job copies source table alembic_version into it")
                .contains("mapping.exclude: [ alembic_version ]")
                .contains("schema.replace-rows: [ alembic_version ]")
                .doesNotContain("role");
        assertThat(db.rows("SELECT (SELECT count(*) FROM app.\"user\"), (SELECT version_num FROM app.alembic_version)"))
                .containsExactly(List.of("0", "b7e2f1c0a9d4"));

        // The operator chooses; the same command then runs through.
        JobFile.named("alembic")
                .source(source)
                .target(db)
                .schema("app")
                .extra("schema:\n  migrate: false\n  replace-rows: [ alembic_version ]\n")
                .output(work.resolve("runs"))
                .writeTo(job);
        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("no migration run")
                .contains("target-only tables, left as they are: role (2 rows)");
        Path reportJson = RunReports.newestFile(work.resolve("runs"), "alembic");
        assertThat(ReportWriter.read(reportJson).targetOnlyTables())
                .as("the report lists the target-only table with its rows after the run")
                .containsExactly(new TargetOnlyTable("role", 2));
        assertThat(Files.readString(reportJson.resolveSibling("report.md")))
                .contains("## Target-only tables")
                .contains("| role | 2 |");
        assertThat(Files.readString(reportJson.resolveSibling("report.html")))
                .contains("<tr><td>role</td><td class=\"num\">2</td></tr>");
        assertThat(db.rows("SELECT id, email, is_active::text, is_admin::text, created_at::text, settings::text"
                        + " FROM app.\"user\" ORDER BY id"))
                .containsExactly(
                        List.of(
                                "1",
                                "ann@example.com",
                                "true",
                                "false",
                                "2024-03-01 10:15:30.123456",
                                "{\"theme\": \"dark\"}"),
                        List.of("2", "bo@example.com", "false", "true", "2024-03-02 00:00:00", "[]"));
        assertThat(db.rows("SELECT version_num FROM app.alembic_version")).containsExactly(List.of("a1c0ffee0001"));
        assertThat(db.rows("SELECT id, name FROM app.role ORDER BY id"))
                .as("the target-only table the migrations filled is left as it was")
                .containsExactly(List.of("1", "admin"), List.of("2", "member"));
        assertThat(db.rows("SELECT nextval('app.user_id_seq')"))
                .as("past SQLite's AUTOINCREMENT high-water mark (id 3 was handed out, then deleted)")
                .containsExactly(List.of("4"));
    }

    @Test
    void checkOfASchemaAnotherToolBuiltLoadsIntoACopyOfItsDefinitionsAndFindsWhatOnlyPostgresqlRefuses(TestDatabase db)
            throws Exception {
        Path source = sqlalchemySource("app.sqlite", "2024-03-01 10:15:30.123456");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("INSERT INTO user VALUES (4, 'BO@example.com', 1, 0, '2024-03-04 00:00:00.000000', NULL)");
        }
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA app; SET search_path TO app; " + ALEMBIC_SCHEMA
                    + "ALTER TABLE \"user\" ADD CONSTRAINT user_created_from_march_2"
                    + " CHECK (created_at >= '2024-03-02');"
                    + "CREATE UNIQUE INDEX user_email_ci ON \"user\" (lower(email));");
        }
        String objects = "SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'app'::regnamespace),"
                + " (SELECT count(*) FROM pg_namespace), (SELECT count(*) FROM app.\"user\"),"
                + " (SELECT string_agg(version_num, ',') FROM app.alembic_version),"
                + " (SELECT count(*) FROM pg_database WHERE datname LIKE 'lite2pg\\_check\\_%')";
        List<List<String>> before = db.rows(objects);
        Path job = JobFile.named("alembic")
                .source(source)
                .target(db)
                .schema("app")
                .extra("schema:\n  migrate: false\n  replace-rows: [ alembic_version ]\n")
                .output(work.resolve("runs"))
                .writeTo(work.resolve("alembic.yml"));

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        assertThat(check.out())
                .contains("read as it is")
                .contains("pg_dump --schema-only")
                .contains("check FAIL");
        assertThat(line(check.out(), "user id=1,"))
                .as(check.out())
                .contains("refused by PostgreSQL")
                .contains("user_created_from_march_2");
        assertThat(line(check.out(), "user id=4,"))
                .contains("refused by PostgreSQL")
                .contains("user_email_ci")
                .contains("already exists");
        assertThat(check.out()).doesNotContain("user id=2,").doesNotContain("schema.migrate: false: check reads");
        assertThat(db.rows(objects))
                .as("the target is untouched: same objects, no rows copied, the scratch database dropped")
                .isEqualTo(before)
                .containsExactly(List.of(before.get(0).get(0), before.get(0).get(1), "0", "b7e2f1c0a9d4", "0"));

        CliRun noLoad = CliRun.of(db.environment(), "check", "--job", job.toString(), "--no-load");

        assertThat(noLoad.exitCode()).as(noLoad.all()).isZero();
        assertThat(noLoad.out()).contains("read as it is").contains("--no-load");
        assertThat(db.rows(objects)).isEqualTo(before);
    }

    @Test
    void aDryRunWithEmbeddedRehearsesIntoACopyOfTheTargetsSchemaAndLeavesTheTargetAlone(TestDatabase db)
            throws Exception {
        Path source = sqlalchemySource("app.sqlite", "2024-03-02 10:15:30.123456");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("INSERT INTO user VALUES (4, 'BO@example.com', 1, 0, '2024-03-04 00:00:00.000000', NULL)");
        }
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA app; SET search_path TO app; " + ALEMBIC_SCHEMA
                    + "CREATE UNIQUE INDEX user_email_ci ON \"user\" (lower(email));");
        }
        String objects = "SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'app'::regnamespace),"
                + " (SELECT count(*) FROM pg_namespace), (SELECT count(*) FROM app.\"user\"),"
                + " (SELECT string_agg(version_num, ',') FROM app.alembic_version)";
        List<List<String>> before = db.rows(objects);
        Path job = JobFile.named("alembic")
                .source(source)
                .target(db)
                .schema("app")
                .extra("schema:\n  migrate: false\n")
                .output(work.resolve("runs"))
                .writeTo(work.resolve("alembic.yml"));

        CliRun dryRun = CliRun.of(db.environment(), "dry-run", "--job", job.toString(), "--embedded");

        assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(3);
        assertThat(dryRun.out())
                .contains("schema app built in an embedded PostgreSQL")
                .contains("pg_dump --schema-only");
        assertThat(dryRun.out()).contains("1 source row(s) would stop the cutover");
        Path report;
        try (var files = Files.walk(work.resolve("runs").resolve("alembic.dry-run"))) {
            report = files.filter(f -> f.endsWith("report.md")).findFirst().orElseThrow();
        }
        assertThat(line(Files.readString(report), "| user | id=4 |"))
                .as("the refusal comes from the unique index copied from the target")
                .contains("refused by PostgreSQL")
                .contains("user\\_email\\_ci")
                .contains("(bo@example.com) already exists");
        assertThat(db.rows(objects))
                .as("the target is untouched: same objects, no rows copied, its version row kept")
                .isEqualTo(before)
                .containsExactly(List.of(before.get(0).get(0), before.get(0).get(1), "0", "b7e2f1c0a9d4"));
    }

    private static String line(String output, String start) {
        return output.lines().filter(l -> l.contains(start)).findFirst().orElse("(no line with " + start + ")");
    }

    @Test
    void aRunRefusedBeforeCopyingWorksWhenTheSameCommandRunsAgainAfterTheSourceIsFixed(TestDatabase db)
            throws Exception {
        Path source = sqlalchemySource("bad.sqlite", "2024-03-01 25:15:30.123456");
        Path migrations = JobFile.migration(work.resolve("sql"), ALEMBIC_SCHEMA);
        Path job = JobFile.named("seeded")
                .source(source)
                .target(db)
                .schema("seeded")
                .migrations(migrations)
                .extra("")
                .output(work.resolve("runs"))
                .writeTo(work.resolve("seeded.yml"));
        Files.writeString(
                job, Files.readString(job).replace("schema:\n", "schema:\n  replace-rows: [ alembic_version ]\n"));

        CliRun first = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(first.exitCode()).as(first.all()).isEqualTo(2);
        assertThat(first.err()).contains("created_at");
        assertThat(
                        db.rows(
                                "SELECT (SELECT count(*) FROM seeded.\"user\"), (SELECT version_num FROM seeded.alembic_version)"))
                .as("the migrations ran and filled their tables; nothing was copied")
                .containsExactly(List.of("0", "b7e2f1c0a9d4"));

        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("UPDATE user SET created_at = '2024-03-01 10:15:30.123456' WHERE id = 1");
        }
        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(db.rows("SELECT count(*), max(created_at)::text FROM seeded.\"user\""))
                .containsExactly(List.of("2", "2024-03-02 00:00:00"));
        assertThat(db.rows("SELECT version_num FROM seeded.alembic_version")).containsExactly(List.of("a1c0ffee0001"));
        assertThat(db.rows("SELECT count(*) FROM seeded.role")).containsExactly(List.of("2"));
    }

    @Test
    void flywayMigrationsBaselineASchemaBuiltWithoutThemAndApplyOnlyTheNewerOnes(TestDatabase db) throws Exception {
        Path source = sqlalchemySource("app.sqlite", "2024-03-01 10:15:30.123456");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA base; SET search_path TO base; " + ALEMBIC_SCHEMA);
        }
        Path migrations = JobFile.migration(work.resolve("sql"), ALEMBIC_SCHEMA);
        Files.writeString(migrations.resolve("V2__nickname.sql"), "ALTER TABLE \"user\" ADD COLUMN nickname text;\n");
        JobFile file = JobFile.named("baseline")
                .source(source)
                .target(db)
                .schema("base")
                .migrations(migrations)
                .output(work.resolve("runs"));
        Path job = file.writeTo(work.resolve("baseline.yml"));
        Files.writeString(
                job, Files.readString(job).replace("schema:\n", "schema:\n  replace-rows: [ alembic_version ]\n"));

        CliRun withoutBaseline = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(withoutBaseline.exitCode()).as(withoutBaseline.all()).isEqualTo(2);
        assertThat(withoutBaseline.err())
                .contains("schema base holds tables but no Flyway history")
                .contains("schema.migrate: false")
                .contains("schema.baseline-version");
        assertThat(db.rows("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'base'"
                        + " AND column_name = 'nickname'"))
                .containsExactly(List.of("0"));

        Files.writeString(job, Files.readString(job).replace("schema:\n", "schema:\n  baseline-version: \"1\"\n"));
        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("baselined at version 1").contains("1 migration(s) applied");
        assertThat(db.rows("SELECT version, type FROM base.flyway_schema_history ORDER BY installed_rank"))
                .containsExactly(List.of("1", "BASELINE"), List.of("2", "SQL"));
        assertThat(db.rows("SELECT id, (nickname IS NULL)::text FROM base.\"user\" ORDER BY id"))
                .as("copied, with the column the newer migration added left to its default")
                .containsExactly(List.of("1", "true"), List.of("2", "true"));
        assertThat(db.rows("SELECT version_num FROM base.alembic_version")).containsExactly(List.of("a1c0ffee0001"));
    }

    @Test
    void aDryRunIntoAStagingSchemaBuiltByTheApplicationLeavesItsOwnTablesAlone(TestDatabase db) throws Exception {
        Path source = sqlalchemySource("app.sqlite", "2024-03-01 10:15:30.123456");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA staging; SET search_path TO staging; " + ALEMBIC_SCHEMA);
        }
        Path job = JobFile.named("staging")
                .source(source)
                .target(db)
                .schema("staging")
                .extra("schema:\n  migrate: false\n  replace-rows: [ alembic_version ]\n")
                .output(work.resolve("runs"))
                .writeTo(work.resolve("staging.yml"));

        CliRun dryRun = CliRun.of(db.environment(), "dry-run", "--job", job.toString());

        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(dryRun.out()).contains("no migration run").contains("role (2 rows)");
        assertThat(db.rows("SELECT (SELECT count(*) FROM staging.\"user\"), (SELECT count(*) FROM staging.role)"))
                .as("the rehearsal's rows are gone, the application's lookup rows stay")
                .containsExactly(List.of("0", "2"));
    }

    @Test
    void aSchemaSaidToBeThereIsReadFromTheTargetAndRefusedWhereThereIsNone(TestDatabase db) throws Exception {
        Path source = sqlalchemySource("app.sqlite", "2024-03-01 10:15:30.123456");
        JobFile file = JobFile.named("nowhere")
                .source(source)
                .schema("missing")
                .extra("schema:\n  migrate: false\n")
                .output(work.resolve("runs"));
        Path withoutTarget = file.writeTo(work.resolve("no-target.yml"));

        CliRun check = CliRun.of(db.environment(), "check", "--job", withoutTarget.toString());
        CliRun dryRun = CliRun.of(db.environment(), "dry-run", "--job", withoutTarget.toString());

        assertThat(check.exitCode()).as(check.all()).isEqualTo(2);
        assertThat(check.err()).contains("schema.migrate: false").contains("--target-url");
        assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(2);
        assertThat(dryRun.err()).contains("schema.migrate: false").contains("an embedded PostgreSQL has none");

        Path withTarget = file.target(db).writeTo(work.resolve("target.yml"));
        CliRun checkMissing = CliRun.of(db.environment(), "check", "--job", withTarget.toString());
        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", withTarget.toString());

        assertThat(checkMissing.exitCode()).as(checkMissing.all()).isEqualTo(2);
        assertThat(checkMissing.err()).contains("schema missing").contains("holds no table");
        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        assertThat(cutover.err()).contains("schema missing does not exist").contains("alembic upgrade head");
        assertThat(db.rows("SELECT count(*) FROM pg_namespace WHERE nspname = 'missing'"))
                .as("no schema made up in its place")
                .containsExactly(List.of("0"));
    }

    /** SQLAlchemy's SQLite storage; id 3 is handed out by AUTOINCREMENT and deleted. */
    private Path sqlalchemySource(String name, String firstCreatedAt) throws SQLException {
        Path source = work.resolve(name);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                            + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                    "INSERT INTO alembic_version VALUES ('a1c0ffee0001')",
                    "CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(255) NOT NULL UNIQUE,"
                            + " is_active BOOLEAN NOT NULL, is_admin BOOLEAN, created_at DATETIME NOT NULL,"
                            + " settings JSON)",
                    "INSERT INTO user VALUES (1, 'ann@example.com', 1, 'false', '" + firstCreatedAt
                            + "', '{\"theme\": \"dark\"}')",
                    "INSERT INTO user VALUES (2, 'bo@example.com', 0, 'true', '2024-03-02 00:00:00.000000', '[]')",
                    "INSERT INTO user VALUES (3, 'cy@example.com', 1, 0, '2024-03-03 00:00:00.000000', NULL)",
                    "DELETE FROM user WHERE id = 3");
        }
        return source;
    }
}
