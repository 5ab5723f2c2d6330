package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.TargetForeignKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileProblemsTest {
    @TempDir
    Path directory;

    private static final String TARGET = """
            target:
              url: jdbc:postgresql://127.0.0.1:5432/app
              user: postgres
            """;
    private static final String REST = """
            source:
              path: data/chinook.sqlite
            schema:
              locations: [ "filesystem:sql/chinook" ]
            """;

    @Test
    void reportsAllProblemsAtOnceEachOnItsOwnLine() {
        String message = problems("""
                name: my job
                source:
                  path: data/chinook.sqlite
                target:
                  user: postgres
                schema:
                  locations: []
                chunk-size: 0
                targt: x
                """);

        assertThat(message)
                .isEqualTo("job file " + directory.resolve("job.yml") + " has 5 problems:\n"
                        + "  - unknown key 'targt' (did you mean 'target'?)\n"
                        + "  - name: may only contain letters, digits, '_', '.' and '-', got 'my job'\n"
                        + "  - target.user: given without url: add target.url, or drop user\n"
                        + "  - schema.locations: must list at least one Flyway location, e.g. [ \"filesystem:sql/app\" ]\n"
                        + "  - chunk-size: must be between 1 and 1000000, got 0");
    }

    @Test
    void saysProblemInTheSingularForOne() {
        assertThat(problems("name: chinook\n" + TARGET + REST + "chunk-size: 1000001\n"))
                .endsWith(" has 1 problem:\n  - chunk-size: must be between 1 and 1000000, got 1000001");
    }

    @Test
    void refusesAChunkSizeThatIsNotAWholeNumber() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + "chunk-size: lots\n"))
                .containsExactly("chunk-size: must be a whole number, got 'lots'");
        assertThat(problemLines("name: chinook\n" + TARGET + REST + "chunk-size: 2.5\n"))
                .containsExactly("chunk-size: must be a whole number, got 2.5");
    }

    @Test
    void readsVerifyQueriesInFileOrder() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(directory, "name: chinook\n" + REST + """
                verify:
                  - name: tracks by genre
                    sqlite: "SELECT GenreId, count(*) FROM Track GROUP BY GenreId"
                    postgres: "SELECT genre_id, count(*) FROM track GROUP BY genre_id"
                  - { name: invoices, sqlite: "SELECT count(*) FROM Invoice", postgres: "SELECT count(*) FROM invoice" }
                """));

        assertThat(job.verify())
                .containsExactly(
                        new VerifyQuery(
                                "tracks by genre",
                                "SELECT GenreId, count(*) FROM Track GROUP BY GenreId",
                                "SELECT genre_id, count(*) FROM track GROUP BY genre_id"),
                        new VerifyQuery("invoices", "SELECT count(*) FROM Invoice", "SELECT count(*) FROM invoice"));
    }

    @Test
    void refusesVerifyQueriesWithUnknownOrMissingKeysOrATakenName() {
        assertThat(problemLines("name: chinook\n" + REST + """
                verify:
                  - name: counts
                    sqlite: "SELECT 1"
                    postgress: "SELECT 1"
                  - name: counts
                    sqlite: "SELECT 1"
                    postgres: "SELECT 1"
                  - "SELECT 1"
                """))
                .containsExactly(
                        "unknown key 'verify[1].postgress' (did you mean 'verify[1].postgres'?)",
                        "verify: entry 3 must be a mapping with keys name, sqlite, postgres, got 'SELECT 1'",
                        "verify[1].postgres: required",
                        "verify[2].name: 'counts' names another verify query too; give each its own name");
        assertThat(problemLines("name: chinook\n" + REST + "verify: { name: counts }\n"))
                .containsExactly("verify: must be a list of mappings with keys name, sqlite, postgres, got a mapping");
    }

    @Test
    void integrityCheckIsQuickByDefaultFullOnRequestKeptByASourceOverrideAndNothingElse() {
        JobDefinition quick = JobFileLoader.load(JobFiles.write(directory, "name: chinook\n" + REST));
        assertThat(quick.source().integrityCheck()).isEqualTo(dev.lite2pg.sqlite.IntegrityCheck.QUICK);

        JobDefinition full = JobFileLoader.load(JobFiles.write(directory, """
                name: chinook
                source:
                  path: data/chinook.sqlite
                  integrity-check: full
                schema:
                  locations: [ "filesystem:sql/chinook" ]
                """));
        assertThat(full.source().integrityCheck()).isEqualTo(dev.lite2pg.sqlite.IntegrityCheck.FULL);
        assertThat(full.withOverrides(Path.of("other.sqlite"), null, null).source())
                .isEqualTo(new SourceSpec(
                        Path.of("other.sqlite").toAbsolutePath(), dev.lite2pg.sqlite.IntegrityCheck.FULL));

        assertThat(problemLines("""
                name: chinook
                source:
                  path: data/chinook.sqlite
                  integrity-check: integrity_check
                schema:
                  locations: [ "filesystem:sql/chinook" ]
                """))
                .containsExactly("source.integrity-check: must be quick or full, got 'integrity_check'");
    }

    @Test
    void requiresTheMandatoryKeys() {
        assertThat(problemLines("chunk-size: 10\n"))
                .containsExactly(
                        "name: required",
                        "source: required: a mapping with keys path, integrity-check",
                        "schema: required: a mapping with keys migrate, locations, baseline-version, replace-rows");
        assertThat(problemLines("name: chinook\nsource: {}\ntarget: { url: \"jdbc:postgresql:app\" }\nschema: {}\n"))
                .containsExactly(
                        "source.path: required",
                        "target.user: required with target.url (or give --target-user, or set LITE2PG_TARGET_USER)",
                        "schema.locations: required: the Flyway locations of the target schema, e.g. [ \"filesystem:sql/app\" ];"
                                + " or migrate: false when the schema is already there (built by the application's own"
                                + " migrations)");
    }

    @Test
    void aSchemaAlreadyThereTakesNoMigrationsAndTheSchemaKeysAreChecked() {
        String head = "name: chinook\n" + TARGET + "source:\n  path: data/chinook.sqlite\n";
        assertThat(problemLines(head + """
                        schema:
                          migrate: false
                          locations: [ "filesystem:sql/chinook" ]
                          baseline-version: "1"
                          replace-rows: alembic_version
                          migrat: true
                        """))
                .containsExactly(
                        "unknown key 'schema.migrat' (did you mean 'schema.migrate'?)",
                        "schema.replace-rows: must be a list, e.g. [ \"a\", \"b\" ], got 'alembic_version'",
                        "schema.locations: given with migrate: false (the schema is already there, lite2pg runs no"
                                + " migration); drop locations, or drop migrate: false to let Flyway build the schema",
                        "schema.baseline-version: given with migrate: false (the schema is already there, lite2pg runs"
                                + " no migration); drop baseline-version, or drop migrate: false to let Flyway build the"
                                + " schema");
        assertThat(
                        problemLines(
                                head
                                        + "schema:\n  migrate: no thanks\n  locations: [ \"filesystem:sql\" ]\n  baseline-version: 1\n"))
                .containsExactly(
                        "schema.migrate: must be true or false, got 'no thanks'",
                        "schema.baseline-version: must be text, got 1; put it in quotes");
    }

    @Test
    void aJobWithoutTargetIsValidForCheckAndDryRunButCutoverAsksForOne() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(directory, "name: chinook\n" + REST));
        assertThat(job.target().hasServer()).isFalse();
        assertThat(job.target().schema()).isEqualTo("public");
        assertThat(job.onBadRow()).isEqualTo(BadRowPolicy.FAIL);
        assertThatThrownBy(() -> job.requireTargetServer("cutover")).hasMessageContaining("--target-url");
        assertThat(job.withOverrides(null, "jdbc:postgresql://h/db", null, null)
                        .requireTargetServer("cutover")
                        .user())
                .isEqualTo(TargetSpec.DEFAULT_USER);
    }

    @Test
    void readsTheOrphanPolicyFollowingOnBadRowByDefaultAndRefusesAnUnknownOne() {
        assertThat(JobFileLoader.load(JobFiles.write(directory, "name: chinook\n" + REST))
                        .orphans()
                        .fallback())
                .isEqualTo(OrphanPolicy.FAIL);
        assertThat(JobFileLoader.load(JobFiles.write(directory, "name: chinook\non-bad-row: quarantine\n" + REST))
                        .orphans()
                        .fallback())
                .isEqualTo(OrphanPolicy.QUARANTINE);
        JobDefinition setNull = JobFileLoader.load(
                JobFiles.write(directory, "name: chinook\non-bad-row: quarantine\norphans: set-null\n" + REST));
        assertThat(setNull.orphans().fallback()).isEqualTo(OrphanPolicy.SET_NULL);
        assertThat(setNull.asDryRun().orphans().fallback())
                .as("a dry-run rehearses set-null")
                .isEqualTo(OrphanPolicy.SET_NULL);
        assertThat(JobFileLoader.load(JobFiles.write(directory, "name: chinook\norphans: delete\n" + REST))
                        .orphans()
                        .fallback())
                .isEqualTo(OrphanPolicy.DELETE);
        assertThat(JobFileLoader.load(JobFiles.write(directory, "name: chinook\norphans: fail\n" + REST))
                        .asDryRun()
                        .orphans()
                        .fallback())
                .as("a dry-run finds every orphan instead of stopping at them")
                .isEqualTo(OrphanPolicy.QUARANTINE);
        assertThat(problemLines("name: chinook\norphans: cascade\n" + REST))
                .containsExactly("orphans: must be fail, quarantine, set-null or delete, got 'cascade'");
    }

    @Test
    void readsAnOrphanPolicyPerForeignKeyNextToTheDefault() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(
                directory,
                "name: chinook\norphans:\n  default: delete\n  foreign-keys:\n"
                        + "    \"track.album_id\": set-null\n    \"line.order_id,order_no\": fail\n" + REST));

        assertThat(job.orphans().fallback()).isEqualTo(OrphanPolicy.DELETE);
        assertThat(job.orphans().foreignKeys())
                .containsExactly(
                        Map.entry("track.album_id", OrphanPolicy.SET_NULL),
                        Map.entry("line.order_id,order_no", OrphanPolicy.FAIL));
        TargetForeignKey album =
                new TargetForeignKey("fk_album", "track", List.of("album_id"), "album", List.of("id"), "");
        TargetForeignKey genre =
                new TargetForeignKey("fk_genre", "track", List.of("genre_id"), "genre", List.of("id"), "");
        assertThat(job.orphans().policyFor(album)).isEqualTo(OrphanPolicy.SET_NULL);
        assertThat(job.orphans().policyFor(genre))
                .as("no override: the default")
                .isEqualTo(OrphanPolicy.DELETE);
        assertThat(job.orphans().unknownOverrides(List.of(album, genre))).containsExactly("line.order_id,order_no");
        assertThat(job.asDryRun().orphans().foreignKeys())
                .as("a dry-run finds every orphan of a failing key instead of stopping at them")
                .containsEntry("line.order_id,order_no", OrphanPolicy.QUARANTINE)
                .containsEntry("track.album_id", OrphanPolicy.SET_NULL);
        assertThat(JobFileLoader.load(JobFiles.write(
                                directory,
                                "name: chinook\non-bad-row: quarantine\norphans:\n  foreign-keys:\n"
                                        + "    \"track.album_id\": delete\n" + REST))
                        .orphans()
                        .fallback())
                .as("without default, orphans follow on-bad-row as before")
                .isEqualTo(OrphanPolicy.QUARANTINE);
    }

    @Test
    void refusesAnUnknownOrphanPolicyPerForeignKeyAMalformedKeyAndAnUnknownSubKey() {
        assertThat(problemLines("name: chinook\norphans:\n  default: cascade\n  foreign-keys:\n"
                        + "    \"track.album_id\": nullify\n    album: delete\n  foreign-key: {}\n" + REST))
                .containsExactlyInAnyOrder(
                        "unknown key 'orphans.foreign-key' (did you mean 'orphans.foreign-keys'?)",
                        "orphans.default: must be fail, quarantine, set-null or delete, got 'cascade'",
                        "orphans.foreign-keys.\"track.album_id\": must be fail, quarantine, set-null or delete, got"
                                + " 'nullify'",
                        "orphans.foreign-keys: 'album' must name a foreign key as table.column (several columns:"
                                + " table.a,b)");
    }

    @Test
    void readsTheBadRowPolicyAndRefusesAnUnknownOne() {
        assertThat(JobFileLoader.load(JobFiles.write(directory, "name: chinook\non-bad-row: quarantine\n" + REST))
                        .onBadRow())
                .isEqualTo(BadRowPolicy.QUARANTINE);
        assertThat(problemLines("name: chinook\non-bad-row: skip\n" + REST))
                .containsExactly("on-bad-row: must be fail or quarantine, got 'skip'");
        assertThat(problemLines("name: chinook\ntarget: { user: app }\n" + REST))
                .containsExactly("target.user: given without url: add target.url, or drop user");
    }

    @Test
    void namesTheExpectedShapeWhenASectionIsNotAMapping() {
        assertThat(problemLines("name: chinook\ntarget: jdbc:postgresql:app\n" + REST))
                .containsExactly("target: must be a mapping with keys url, user, schema, got 'jdbc:postgresql:app'");
    }

    @Test
    void refusesNumbersWhereTextIsExpectedRatherThanGuessTheirSpelling() {
        assertThat(problemLines("name: 1.10\n" + TARGET + REST))
                .containsExactly("name: must be text, got 1.1; put it in quotes");
    }

    @Test
    void refusesEmptyText() {
        assertThat(problemLines("name: \"  \"\n" + TARGET + REST)).containsExactly("name: must not be empty");
    }

    @Test
    void refusesATooLongJobName() {
        String name = "a".repeat(101);
        assertThat(problemLines("name: " + name + "\n" + TARGET + REST))
                .containsExactly("name: must be at most 100 characters, got 101");
    }

    @Test
    void refusesAPasswordInTheUrlQuery() {
        assertThat(problemLines("name: chinook\n" + REST + """
                target:
                  url: jdbc:postgresql://db:5432/app?ssl=true&password=hunter2
                  user: postgres
                """))
                .containsExactly("target.url: must not contain a password: set LITE2PG_TARGET_PASSWORD instead"
                        + " (or put the whole URI in LITE2PG_TARGET_URL)");
    }

    @Test
    void refusesAPasswordInTheUserInfo() {
        assertThat(problemLines("name: chinook\n" + REST + """
                target:
                  url: jdbc:postgresql://postgres:hunter2@db:5432/app
                  user: postgres
                """))
                .containsExactly("target.url: must not contain a password: set LITE2PG_TARGET_PASSWORD instead"
                        + " (or put the whole URI in LITE2PG_TARGET_URL)");
    }

    @Test
    void explainsWhyTargetPasswordIsNotAKey() {
        assertThat(problemLines("name: chinook\n" + REST + TARGET + "  password: hunter2\n"))
                .containsExactly(
                        "target.password: the password is never read from the job file, so that job files can be shared;"
                                + " set LITE2PG_TARGET_PASSWORD (or PGPASSWORD) in the environment instead");
    }

    @Test
    void refusesAUrlForAnotherDatabaseWithoutEchoingItsSecrets() {
        assertThat(problemLines("name: chinook\n" + REST + """
                target:
                  url: jdbc:mysql://db/app?password=hunter2
                  user: postgres
                """))
                .containsExactly("target.url: must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DB or"
                        + " postgresql://USER@HOST:PORT/DB, e.g. jdbc:postgresql://127.0.0.1:5432/app, got"
                        + " 'jdbc:mysql://db/app?password=***'");
    }

    @Test
    void refusesUnknownKeysAtEveryLevelWithASuggestion() {
        assertThat(problemLines("name: chinook\n" + REST + TARGET + """
                  usr: postgres
                chunk_size: 10
                mapping:
                  exclude: [ a ]
                  tabels: { A: b }
                colour: blue
                """))
                .containsExactly(
                        "unknown key 'chunk_size' (did you mean 'chunk-size'?)",
                        "unknown key 'colour'; known keys here: name, source, target, schema, mapping, chunk-size,"
                                + " conversions, repository-schema, output, metrics, on-bad-row, orphans, verify",
                        "unknown key 'target.usr' (did you mean 'target.user'?)",
                        "unknown key 'mapping.tabels' (did you mean 'mapping.tables'?)");
    }

    @Test
    void refusesAnUnknownNameRule() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + "mapping:\n  names: fuzzy\n"))
                .containsExactly("mapping.names: must be auto or exact, got 'fuzzy'");
    }

    @Test
    void refusesMalformedMappingEntries() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + """
                mapping:
                  tables: { Album: "" }
                  columns: { OldName: new_name, "Album.": x, "Album.Title": title }
                  exclude: film_text
                """))
                .containsExactly(
                        "mapping.tables: 'Album' must map to a non-empty name, got ''",
                        "mapping.columns: key 'OldName' must be <source table>.<source column>, e.g. \"Invoice.BillingCity\"",
                        "mapping.columns: key 'Album.' must be <source table>.<source column>, e.g. \"Invoice.BillingCity\"",
                        "mapping.exclude: must be a list, e.g. [ \"a\", \"b\" ], got 'film_text'");
    }

    @Test
    void refusesNonTextListEntries() {
        assertThat(problemLines("name: chinook\n" + TARGET + """
                source:
                  path: data/chinook.sqlite
                schema:
                  locations: [ "filesystem:sql/chinook", 7, "" ]
                """))
                .containsExactly(
                        "schema.locations: entry 2 must be non-empty text, got 7",
                        "schema.locations: entry 3 must be non-empty text, got ''");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + "conversions:\n  naive-timezone: Mars/Olympus\n"))
                .containsExactly("conversions.naive-timezone: unknown time zone 'Mars/Olympus';"
                        + " use a region such as Europe/Berlin, UTC, or an offset such as +02:00");
    }

    @Test
    void refusesUnknownConversionValuesAndKeysNamingEach() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + """
                conversions:
                  offsets: shift
                  drop-time-of-day: "yes"
                  epoch-numbers: nanoseconds
                  zone: UTC
                  columns:
                    "bars.day": { offset: local, epoch-numbers: days }
                    bars: { offsets: utc }
                    "quotes.at": local
                """))
                .containsExactlyInAnyOrder(
                        "unknown key 'conversions.zone'; known keys here: naive-timezone, offsets, drop-time-of-day, epoch-numbers, columns",
                        "conversions.offsets: must be refuse, utc or local, got 'shift'",
                        "conversions.drop-time-of-day: must be true or false, got 'yes'",
                        "conversions.epoch-numbers: must be seconds, milliseconds, julian-day or refuse, got 'nanoseconds'",
                        "unknown key 'conversions.columns.\"bars.day\".offset' (did you mean 'conversions.columns.\"bars.day\".offsets'?)",
                        "conversions.columns.\"bars.day\".epoch-numbers: must be seconds, milliseconds, julian-day or refuse, got 'days'",
                        "conversions.columns: key 'bars' must be <source table>.<source column>, e.g. \"bars.day\"",
                        "conversions.columns: 'quotes.at' must be a mapping with keys offsets, drop-time-of-day, epoch-numbers, got 'local'");
    }

    @Test
    void refusesARepositorySchemaThatCaseFoldingWouldChange() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + "repository-schema: Batch\n"))
                .containsExactly("repository-schema: must be a lower-case identifier ([a-z_][a-z0-9_]*),"
                        + " so that it means the same quoted or unquoted, got 'Batch'");
    }

    @Test
    void refusesARepositorySchemaEqualToTheTargetSchema() {
        assertThat(problemLines("name: chinook\n" + TARGET + REST + "repository-schema: public\n"))
                .containsExactly("repository-schema: must differ from target.schema ('public'),"
                        + " so that Spring Batch's tables do not land among the application's tables");
    }

    @Test
    void refusesDuplicateKeysAsInvalidYaml() {
        String message = problems("name: chinook\nname: other\n" + TARGET + REST);

        assertThat(message)
                .startsWith("job file " + directory.resolve("job.yml") + " is not valid YAML: ")
                .contains("Duplicate")
                .contains("\"name\"")
                .contains("line 2");
    }

    @Test
    void refusesAFileThatIsNotAMapping() {
        assertThat(problemLines("- name: chinook\n"))
                .containsExactly(
                        "the job file must be a YAML mapping with at least the keys name, source, target and schema, got a list");
        assertThat(problemLines(""))
                .containsExactly(
                        "the job file must be a YAML mapping with at least the keys name, source, target and schema, got nothing");
    }

    @Test
    void namesTheMissingFile() {
        Path missing = directory.resolve("nope.yml");

        Lite2pgException e = catchThrowableOfType(Lite2pgException.class, () -> JobFileLoader.load(missing));

        assertThat(e.code()).isEqualTo(ErrorCode.JOB_FILE);
        assertThat(e.getMessage()).isEqualTo("job file " + missing + " not found (looked for " + missing + ")");
    }

    @Test
    void saysWhenTheFileIsADirectory() {
        Lite2pgException e = catchThrowableOfType(Lite2pgException.class, () -> JobFileLoader.load(directory));

        assertThat(e.code()).isEqualTo(ErrorCode.JOB_FILE);
        assertThat(e.getMessage()).isEqualTo("job file " + directory + " is a directory, not a file");
    }

    private String problems(String yaml) {
        Path file = JobFiles.write(directory, yaml);
        Lite2pgException e = catchThrowableOfType(Lite2pgException.class, () -> JobFileLoader.load(file));
        assertThat(e).as("the file should have been refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.JOB_FILE);
        return e.getMessage();
    }

    /** The problem lines without the header and the bullet. */
    private String[] problemLines(String yaml) {
        String message = problems(yaml);
        assertThat(message).startsWith("job file " + directory.resolve("job.yml") + " has ");
        return message.lines()
                .skip(1)
                .map(line -> line.substring("  - ".length()))
                .toArray(String[]::new);
    }
}
