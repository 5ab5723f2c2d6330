package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.EpochNumbers;
import dev.lite2pg.convert.OffsetReading;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileLoaderTest {
    @TempDir
    Path directory;

    @Test
    void readsEveryKeyOfAFullFile() {
        Path file = JobFiles.write(directory, """
                name: chinook
                source:
                  path: data/chinook.sqlite
                target:
                  url: jdbc:postgresql://127.0.0.1:5432/app
                  user: postgres
                  schema: app
                schema:
                  locations: [ "filesystem:sql/chinook", "classpath:db/extra" ]
                  baseline-version: "3"
                  replace-rows: [ alembic_version ]
                mapping:
                  names: exact
                  tables:  { SomeTable: some_table }
                  columns: { "SomeTable.OldName": new_name }
                  exclude: [ film_text, payment.last_update ]
                chunk-size: 250
                conversions:
                  naive-timezone: Europe/Berlin
                repository-schema: batch_repo
                output: reports/runs
                """);

        JobDefinition job = JobFileLoader.load(file);

        assertThat(job.name()).isEqualTo("chinook");
        assertThat(job.source()).isEqualTo(new SourceSpec(directory.resolve("data/chinook.sqlite")));
        assertThat(job.target()).isEqualTo(new TargetSpec("jdbc:postgresql://127.0.0.1:5432/app", "postgres", "app"));
        assertThat(job.schema().locations())
                .containsExactly("filesystem:" + directory.resolve("sql/chinook"), "classpath:db/extra");
        assertThat(job.schema().migrate()).isTrue();
        assertThat(job.schema().baselineVersion()).contains("3");
        assertThat(job.schema().replaceRows()).containsExactly("alembic_version");
        assertThat(job.mapping().names()).isEqualTo(NameRule.EXACT);
        assertThat(job.mapping().tables()).isEqualTo(Map.of("SomeTable", "some_table"));
        assertThat(job.mapping().columns()).isEqualTo(Map.of("SomeTable.OldName", "new_name"));
        assertThat(job.mapping().exclude()).containsExactly("film_text", "payment.last_update");
        assertThat(job.chunkSize()).isEqualTo(250);
        assertThat(job.naiveTimezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(job.repositorySchema()).isEqualTo("batch_repo");
        assertThat(job.output()).isEqualTo(directory.resolve("reports/runs"));
    }

    @Test
    void relativePathsMeanTheJobFilesFolderWhereverLite2pgIsStartedFrom() throws Exception {
        java.nio.file.Files.createDirectories(directory.resolve("jobs"));
        Path file = JobFiles.write(directory.resolve("jobs"), """
                name: shop
                source:
                  path: ../data/shop.sqlite
                schema:
                  locations: [ "filesystem:../sql/shop", "filesystem:/abs/sql" ]
                output: ../runs
                """);

        JobDefinition job = JobFileLoader.load(file);

        assertThat(job.source().path()).isEqualTo(directory.resolve("data/shop.sqlite"));
        assertThat(job.schema().locations())
                .containsExactly("filesystem:" + directory.resolve("sql/shop"), "filesystem:/abs/sql");
        assertThat(job.output()).isEqualTo(directory.resolve("runs"));
        assertThat(JobFileLoader.load(file, new JobOverrides(Path.of("other.sqlite"), null, null, null))
                        .source()
                        .path())
                .as("--source is the operator's: relative to the working directory")
                .isEqualTo(Path.of("other.sqlite").toAbsolutePath());
    }

    @Test
    void theDefaultOutputIsTheWorkingDirectorysRunsFolderMadeAbsolute() {
        Path file = JobFiles.write(directory, "name: shop\nsource: { path: a.sqlite }\nschema: { migrate: false }\n");

        assertThat(JobFileLoader.load(file).output()).isEqualTo(Path.of("runs").toAbsolutePath());
    }

    @Test
    void aTargetWithoutUserTakesItFromTheCommandLineTheEnvironmentOrTheUri() throws Exception {
        java.nio.file.Files.createDirectories(directory.resolve("uri"));
        Path file = JobFiles.write(directory, """
                name: shop
                source: { path: a.sqlite }
                target: { url: "jdbc:postgresql://db/shop" }
                schema: { migrate: false }
                """);

        assertThat(JobFileLoader.load(file, new JobOverrides(null, null, "ops", null))
                        .target()
                        .user())
                .isEqualTo("ops");
        assertThat(JobFileLoader.load(
                                file, JobOverrides.of(null, null, null, null, Map.of("LITE2PG_TARGET_USER", "env_ops")))
                        .target()
                        .user())
                .isEqualTo("env_ops");
        Path uri = JobFiles.write(directory.resolve("uri"), """
                name: shop
                source: { path: a.sqlite }
                target: { url: "postgresql://app@db:5433/shop?sslmode=require" }
                schema: { migrate: false }
                """);
        assertThat(JobFileLoader.load(uri).target())
                .isEqualTo(new TargetSpec("jdbc:postgresql://db:5433/shop?sslmode=require", "app", "public"));
    }

    @Test
    void aSchemaAlreadyThereNeedsNoLocations() {
        Path file = JobFiles.write(directory, """
                name: alembic
                source:
                  path: data/app.sqlite
                schema:
                  migrate: false
                """);

        JobDefinition job = JobFileLoader.load(file);

        assertThat(job.schema().migrate()).isFalse();
        assertThat(job.schema().locations()).isEmpty();
        assertThat(job.schema().baselineVersion()).isEmpty();
        assertThat(job.schema().replaceRows()).isEmpty();
    }

    @Test
    void readsTheConversionOptionsGlobalAndPerColumn() {
        Path file = JobFiles.write(directory, JobFiles.MINIMAL + """
                conversions:
                  offsets: utc
                  drop-time-of-day: true
                  epoch-numbers: milliseconds
                  columns:
                    "bars.day": { offsets: local, drop-time-of-day: false }
                    "events.at": { epoch-numbers: julian-day }
                """);

        ConversionOptions conversions = JobFileLoader.load(file).conversions();

        assertThat(conversions.offsets()).isEqualTo(OffsetReading.UTC);
        assertThat(conversions.dropTimeOfDay()).isTrue();
        assertThat(conversions.epochNumbers()).isEqualTo(EpochNumbers.MILLISECONDS);
        assertThat(conversions.forColumn("bars", "day"))
                .isEqualTo(new ConversionOptions(
                        ZoneId.of("UTC"), OffsetReading.LOCAL, false, EpochNumbers.MILLISECONDS, Map.of()));
        assertThat(conversions.forColumn("events", "at"))
                .isEqualTo(new ConversionOptions(
                        ZoneId.of("UTC"), OffsetReading.UTC, true, EpochNumbers.JULIAN_DAY, Map.of()));
        assertThat(conversions.forColumn("bars", "open"))
                .isEqualTo(new ConversionOptions(
                        ZoneId.of("UTC"), OffsetReading.UTC, true, EpochNumbers.MILLISECONDS, Map.of()));
    }

    @Test
    void fillsDefaultsForAMinimalFile() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(directory, JobFiles.MINIMAL));

        assertThat(job.target().schema()).isEqualTo("public");
        assertThat(job.mapping()).isEqualTo(new MappingSpec(NameRule.AUTO, Map.of(), Map.of(), List.of()));
        assertThat(job.chunkSize()).isEqualTo(5000);
        assertThat(job.naiveTimezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(job.conversions())
                .isEqualTo(new ConversionOptions(
                        ZoneId.of("UTC"), OffsetReading.REFUSE, false, EpochNumbers.SECONDS, Map.of()));
        assertThat(job.repositorySchema()).isEqualTo("lite2pg");
        assertThat(job.output()).isEqualTo(Path.of("runs").toAbsolutePath());
    }

    @Test
    void resolvesARelativeSourcePathAgainstTheJobFilesFolderNotTheWorkingDirectory() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(directory, JobFiles.MINIMAL));

        assertThat(job.source().path()).isEqualTo(directory.resolve("data/chinook.sqlite"));
        assertThat(job.source().path())
                .isNotEqualTo(Path.of("data/chinook.sqlite").toAbsolutePath());
    }

    @Test
    void acceptsAnOffsetAsNaiveTimezoneAndTheChunkSizeBounds() {
        JobDefinition low = JobFileLoader.load(JobFiles.write(directory, JobFiles.MINIMAL + """
                chunk-size: 1
                conversions:
                  naive-timezone: "+02:00"
                """));
        JobDefinition high = JobFileLoader.load(JobFiles.write(directory, JobFiles.MINIMAL + "chunk-size: 1000000\n"));

        assertThat(low.chunkSize()).isEqualTo(1);
        assertThat(low.naiveTimezone()).isEqualTo(ZoneId.of("+02:00"));
        assertThat(high.chunkSize()).isEqualTo(1_000_000);
    }

    @Test
    void treatsEmptyOptionalSectionsAsDefaults() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(directory, JobFiles.MINIMAL + """
                mapping:
                conversions:
                """));

        assertThat(job.mapping()).isEqualTo(MappingSpec.defaults());
        assertThat(job.naiveTimezone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void keepsOverridesInTheOrderWritten() {
        JobDefinition job = JobFileLoader.load(JobFiles.write(directory, JobFiles.MINIMAL + """
                mapping:
                  tables: { Zeta: z, Alpha: a, Mid: m }
                """));

        assertThat(job.mapping().tables().keySet()).containsExactly("Zeta", "Alpha", "Mid");
    }
}
