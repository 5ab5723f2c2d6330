package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.draft.SchemaDrafter;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.TableReport;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.Datasets;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no PostgreSQL schema yet" path through the real commands: {@code draft-schema}, then {@code check} of the job
 * file it wrote, then {@code cutover}, whose content check must match for every table. The job file is used as
 * written, with one line added: {@code output}, so the runs stay in the test's folder.
 */
@ExtendWith(TestDatabaseExtension.class)
class DraftSchemaIT {

    @TempDir
    Path work;

    @Test
    void chinookDraftedInSnakeCaseChecksAndCopiesEveryRow(TestDatabase db) throws Exception {
        Path source = Datasets.require("chinook").resolve("source.sqlite");
        Map<String, String> types = draftCheckAndCutover(db, source, "chinook", "snake", 11);
        assertThat(types)
                .containsEntry("invoice.invoice_date", "timestamp without time zone")
                .containsEntry("invoice.total", "numeric(10,2)")
                .containsEntry("track.unit_price", "numeric(10,2)")
                .containsEntry("track.name", "character varying(200)")
                .containsEntry("album.album_id", "bigint")
                .containsEntry("employee.birth_date", "timestamp without time zone");
        assertThat(identity(db, "album", "album_id")).isTrue();
    }

    @Test
    void sakilaAsItIsDraftsNullablePaymentRentalsAndCopiesEveryRowThroughTheStoreStaffCycle(TestDatabase db)
            throws Exception {
        Path source = Datasets.require("sakila").resolve("source.sqlite");
        Map<String, String> types = draftCheckAndCutover(db, source, "sakila", "as-is", 16);
        assertThat(types)
                .containsEntry("staff.active", "boolean")
                .containsEntry("payment.amount", "numeric(5,2)")
                .containsEntry("payment.payment_date", "timestamp without time zone")
                .containsEntry("staff.picture", "bytea")
                .containsEntry("film.description", "text")
                .containsEntry("actor.first_name", "character varying(45)");
        String sql = Files.readString(work.resolve("sql/sakila/V1__baseline.sql"));
        assertThat(sql)
                .contains("CHECK (\"rating\" IN ('G', 'PG', 'PG-13', 'R', 'NC-17'))")
                .contains("ALTER TABLE \"payment\" ADD FOREIGN KEY (\"rental_id\") REFERENCES \"rental\""
                        + " (\"rental_id\") ON UPDATE CASCADE ON DELETE SET NULL;")
                .contains("CREATE UNIQUE INDEX \"idx_rental_uq\" ON \"rental\"")
                .contains("--   trigger actor_trigger_ai: SQLite trigger SQL")
                .contains("--   CREATE VIEW customer_list");
    }

    @Test
    void memosDraftsBooleansJsonbAndBlobsAndMovesIdentitiesPastAutoincrement(TestDatabase db) throws Exception {
        Path source = Datasets.require("memos").resolve("source.sqlite");
        Map<String, String> types = draftCheckAndCutover(db, source, "memos", "as-is", 11);
        assertThat(types)
                .containsEntry("memo.pinned", "boolean")
                .containsEntry("memo.payload", "jsonb")
                .containsEntry("attachment.blob", "bytea")
                .containsEntry("memo.created_ts", "bigint")
                .containsEntry("user.username", "text");
        assertThat(db.rows("SELECT column_default FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name = 'memo' AND column_name = 'pinned'"))
                .containsExactly(List.of("false"));
        assertThat(db.rows("SELECT nextval(pg_get_serial_sequence('public.memo', 'id'))"))
                .containsExactly(List.of("32"));
    }

    @Test
    void aSqlalchemyShapedAppDraftsItsTypesAndEveryAdversarialColumnFallsBackWithItsReason(TestDatabase db)
            throws Exception {
        Path source = SqlalchemyShapedDatabase.create(
                Files.createDirectories(work.resolve("app")).resolve("source.sqlite"));
        Map<String, String> types = draftCheckAndCutover(db, source, "app", "as-is", 4);
        assertThat(types)
                .containsEntry("users.is_active", "boolean")
                .containsEntry("users.created_at", "timestamp without time zone")
                .containsEntry("users.settings", "jsonb")
                .containsEntry("users.balance", "numeric(12,2)")
                .containsEntry("users.status", "character varying(7)")
                .containsEntry("users.external_id", "uuid")
                .containsEntry("posts.published", "boolean")
                .containsEntry("posts.rating", "double precision")
                .containsEntry("posts.body", "text")
                .containsEntry("alembic_version.version_num", "character varying(32)")
                .containsEntry("oddities.is_deleted", "bigint")
                .containsEntry("oddities.extra", "text")
                .containsEntry("oddities.happened_at", "text")
                .containsEntry("oddities.seen", "text")
                .containsEntry("oddities.price", "double precision")
                .containsEntry("oddities.logged_at", "timestamp without time zone");
        assertThat(Files.readString(work.resolve("jobs/app.yml")))
                .contains("conversions:\n  columns:\n    \"oddities.logged_at\": { epoch-numbers: milliseconds }\n");
        assertThat(db.rows("SELECT logged_at::text FROM public.oddities WHERE id = 1"))
                .containsExactly(List.of("2023-11-14 22:13:21.001"));
        String sql = Files.readString(work.resolve("sql/app/V1__baseline.sql"));
        assertThat(sql)
                .contains("-- boolean: declared BOOLEAN, 120 values, all 0 or 1")
                .contains("-- boolean: CHECK allows only 0 and 1, 300 values, all 0 or 1")
                .contains("\"published\" bigint".replace("bigint", "boolean") + " NOT NULL DEFAULT false")
                .contains("-- uuid: declared CHAR(32), 120 values, all 32 hex digits")
                .contains("-- bigint: 50 values, all integers; not boolean although name 'is_deleted' reads as a"
                        + " flag: row 7 INTEGER 2")
                .contains(
                        "-- text: not JSON: 1 of 50 values is not a JSON object or array, e.g. row 11 TEXT 'not json'")
                .contains("-- text: 1 of 50 values is not a timestamp, e.g. row 17 TEXT 'n/a'")
                .contains("-- text: mixes 25 numbers (e.g. row 2 INTEGER 1700000002) and 25 texts")
                .contains("CHECK (\"status\" IN ('active', 'banned', 'pending'))")
                .contains("ALTER TABLE \"posts\" ADD FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE"
                        + " CASCADE;")
                .contains("CREATE INDEX \"ix_posts_published\" ON \"posts\" (\"user_id\") WHERE \"published\" = true;")
                .contains("CREATE INDEX \"ix_users_lower_email\" ON \"users\" ((lower(\"email\")));")
                .contains("\"updated_at\" timestamp DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'UTC')");
        assertThat(db.rows("SELECT count(*) FROM public.users WHERE is_active")).containsExactly(List.of("80"));
    }

    @Test
    void anExistingFileIsNeverReplacedAndIsNamed() throws Exception {
        Path source = Datasets.require("memos").resolve("source.sqlite");
        Path job = Files.writeString(work.resolve("memos.yml"), "mine\n");
        CliRun run = CliRun.of(
                Map.of(),
                "draft-schema",
                "--source",
                source.toString(),
                "--out",
                work.resolve("sql/memos/V1__baseline.sql").toString(),
                "--job-out",
                job.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(job.toString()).contains("already exists");
        assertThat(Files.readString(job)).isEqualTo("mine\n");
        assertThat(work.resolve("sql")).doesNotExist();

        CliRun misnamed = CliRun.of(
                Map.of(),
                "draft-schema",
                "--source",
                source.toString(),
                "--out",
                work.resolve("sql/memos/baseline.sql").toString(),
                "--job-out",
                work.resolve("other.yml").toString());
        assertThat(misnamed.exitCode()).as(misnamed.all()).isEqualTo(2);
        assertThat(misnamed.err()).contains("V<version>__<description>.sql");
        assertThat(work.resolve("other.yml")).doesNotExist();
    }

    /** Runs the three commands and returns the target's column types by {@code table.column}. */
    private Map<String, String> draftCheckAndCutover(
            TestDatabase db, Path source, String name, String names, int tables) throws Exception {
        String before = SourceFingerprint.sha256(source);
        Path migration = work.resolve("sql").resolve(name).resolve("V1__baseline.sql");
        Path job = work.resolve("jobs").resolve(name + ".yml");
        CliRun draft = CliRun.of(
                Map.of(),
                "draft-schema",
                "--source",
                source.toString(),
                "--out",
                migration.toString(),
                "--job-out",
                job.toString(),
                "--names",
                names,
                "--parallel",
                "2");
        assertThat(draft.exitCode()).as(draft.all()).isZero();
        assertThat(draft.out()).contains("drafted " + tables + " tables");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(migration)))
                .as("the draft quotes values: as private as the source")
                .isEqualTo("rw-------");
        Files.writeString(
                job, "output: " + JobFile.quoted(work.resolve("runs").toString()) + "\n", StandardOpenOption.APPEND);

        CliRun check = CliRun.of(
                db.environment(), "check", "--job", job.toString(), "--target-url", db.url(), "--parallel", "2");
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).contains("check PASS");

        CliRun cutover = CliRun.of(
                db.environment(), "cutover", "--job", job.toString(), "--target-url", db.url(), "--parallel", "2");
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        RunReport report = RunReports.newest(work.resolve("runs"), SchemaDrafter.jobName(source));
        assertThat(report.tables()).hasSize(tables);
        for (TableReport table : report.tables()) {
            ContentCheckResult content = table.content();
            assertThat(content.matches()).as(table.target() + ": " + content).isTrue();
            assertThat(content.sourceRows())
                    .as(table.target())
                    .isEqualTo(table.sourceRows())
                    .isEqualTo(content.targetRows());
        }
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(before);

        Map<String, String> types = new LinkedHashMap<>();
        for (List<String> row : db.rows("SELECT c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0"
                + " AND NOT a.attisdropped")) {
            types.put(row.get(0), row.get(1));
        }
        return types;
    }

    private static boolean identity(TestDatabase db, String table, String column) throws Exception {
        return db.rows("SELECT is_identity FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name = '" + table + "' AND column_name = '" + column + "'")
                .equals(List.of(List.of("YES")));
    }
}
