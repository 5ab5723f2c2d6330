package dev.lite2pg.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.jobfile.BadRowPolicy;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.jobfile.MetricsSpec;
import dev.lite2pg.jobfile.OrphanPolicies;
import dev.lite2pg.jobfile.OrphanPolicy;
import dev.lite2pg.jobfile.SchemaSpec;
import dev.lite2pg.jobfile.SourceSpec;
import dev.lite2pg.jobfile.TargetSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.MetaDataInstanceFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MetricsPublisherTest {

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final RunMetrics metrics = new RunMetrics();

    @Test
    void writesTheTablesFiguresIntoTheRunFolderEvenBeforeItExists() throws Exception {
        metrics.forTable("customer");
        Path runFolder = work.resolve("runs/demo/20260101-000000-000");

        publisher(MetricsSpec.none(), Map.of(), runFolder).afterJob(MetaDataInstanceFactory.createJobExecution());

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(runFolder.resolve("metrics.json")));
        assertThat(json.get("job").stringValue()).isEqualTo("demo");
        assertThat(json.get("tables").get(0).get("table").stringValue()).isEqualTo("customer");
        assertThat(json.get("tables").get(0).get("rowsWritten").asLong()).isZero();
        assertThat(out.toString()).as("nothing to push, nothing to say").isEmpty();
    }

    @Test
    void aPushgatewayThatCannotBeReachedIsAWarningNotAFailure() {
        MetricsSpec unreachable = new MetricsSpec(Optional.of(URI.create("http://127.0.0.1:1")));

        publisher(unreachable, Map.of(), work).afterJob(MetaDataInstanceFactory.createJobExecution());

        assertThat(out.toString())
                .startsWith("[metrics] WARNING: could not push to the Pushgateway http://127.0.0.1:1: ")
                .contains("the cutover is not affected");
        assertThat(work.resolve("metrics.json")).exists();
    }

    @Test
    void aBadVariableIsAWarningNamingIt() {
        publisher(MetricsSpec.none(), Map.of(MetricsSpec.PUSHGATEWAY_VARIABLE, "nonsense"), work)
                .afterJob(MetaDataInstanceFactory.createJobExecution());

        assertThat(out.toString())
                .startsWith("[metrics] WARNING: LITE2PG_PUSHGATEWAY: must be the http:// or https:// URL")
                .contains("the metrics were not pushed");
    }

    private MetricsPublisher publisher(MetricsSpec spec, Map<String, String> environment, Path runFolder) {
        JobDefinition job = new JobDefinition(
                "demo",
                new SourceSpec(Path.of("demo.sqlite")),
                new TargetSpec("jdbc:postgresql://127.0.0.1:5432/app", "postgres", "public"),
                SchemaSpec.flyway(List.of("filesystem:sql/demo")),
                MappingSpec.defaults(),
                500,
                new dev.lite2pg.convert.ConversionOptions(ZoneId.of("UTC")),
                "lite2pg",
                work,
                spec,
                BadRowPolicy.FAIL,
                OrphanPolicies.of(OrphanPolicy.FAIL),
                List.of());
        return new MetricsPublisher(metrics, job, runFolder, new PrintWriter(out), environment);
    }
}
