package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobDefinitionOverridesTest {
    private final JobDefinition job = new JobDefinition(
            "chinook",
            new SourceSpec(Path.of("data/chinook.sqlite")),
            new TargetSpec("jdbc:postgresql://127.0.0.1:5432/app", "postgres", "public"),
            SchemaSpec.flyway(List.of("filesystem:sql/chinook")),
            MappingSpec.defaults(),
            5000,
            new dev.lite2pg.convert.ConversionOptions(ZoneId.of("UTC")),
            "lite2pg",
            Path.of("runs"),
            MetricsSpec.none(),
            BadRowPolicy.FAIL,
            OrphanPolicies.of(OrphanPolicy.FAIL),
            List.of());

    @Test
    void nullsKeepTheFileValues() {
        assertThat(job.withOverrides(null, null, null)).isEqualTo(job);
    }

    @Test
    void commandLineValuesWinOverTheFile() {
        JobDefinition overridden =
                job.withOverrides(Path.of("/tmp/copy.sqlite"), "jdbc:postgresql://db:5433/other", "app");

        assertThat(overridden.source().path()).isEqualTo(Path.of("/tmp/copy.sqlite"));
        assertThat(overridden.target()).isEqualTo(new TargetSpec("jdbc:postgresql://db:5433/other", "postgres", "app"));
        assertThat(overridden.name()).isEqualTo("chinook");
        assertThat(overridden.repositorySchema()).isEqualTo("lite2pg");
    }

    @Test
    void eachOverrideIsIndependent() {
        JobDefinition overridden = job.withOverrides(null, null, "app");

        assertThat(overridden.source()).isEqualTo(job.source());
        assertThat(overridden.target().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app");
        assertThat(overridden.target().schema()).isEqualTo("app");
    }

    @Test
    void refusesWhatTheFileWouldRefuseListingEveryProblem() {
        Lite2pgException e = catchThrowableOfType(
                Lite2pgException.class,
                () -> job.withOverrides(null, "jdbc:postgresql://db/app?password=hunter2", "lite2pg"));

        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e.getMessage())
                .isEqualTo("target URL (command line): must not contain a password: set LITE2PG_TARGET_PASSWORD instead"
                        + " (or put the whole URI in LITE2PG_TARGET_URL)\n"
                        + "target schema (command line): 'lite2pg' is the job file's repository-schema;"
                        + " choose another schema or change repository-schema");
    }

    @Test
    void refusesAnEmptySchemaOverride() {
        Lite2pgException e = catchThrowableOfType(Lite2pgException.class, () -> job.withOverrides(null, null, " "));

        assertThat(e.getMessage()).isEqualTo("target schema (command line): must not be empty");
    }
}
