package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lite2pg.model.Lite2pgException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code metrics:} key and the {@code LITE2PG_PUSHGATEWAY} variable. */
class JobFileMetricsTest {
    @TempDir
    Path directory;

    @Test
    void readsThePushgatewayUrl() {
        JobDefinition job = load(JobFiles.MINIMAL + "metrics:\n  pushgateway: \"http://prometheus.internal:9091\"\n");

        assertThat(job.metrics().pushgateway()).contains(URI.create("http://prometheus.internal:9091"));
    }

    @Test
    void acceptsHttpsAndAPathPrefix() {
        JobDefinition job =
                load(JobFiles.MINIMAL + "metrics: { pushgateway: \"https://gw.example.com/pushgateway/\" }\n");

        assertThat(job.metrics().pushgateway()).contains(URI.create("https://gw.example.com/pushgateway/"));
    }

    @Test
    void pushesNowhereWithoutTheKey() {
        assertThat(load(JobFiles.MINIMAL).metrics()).isEqualTo(MetricsSpec.none());
        assertThat(load(JobFiles.MINIMAL + "metrics: {}\n").metrics()).isEqualTo(MetricsSpec.none());
    }

    @Test
    void refusesSomethingThatIsNotAnHttpUrlNamingTheKey() {
        assertThat(problemLines("metrics:\n  pushgateway: garbage\n"))
                .containsExactly("metrics.pushgateway: must be the http:// or https:// URL of a Prometheus Pushgateway,"
                        + " e.g. http://127.0.0.1:9091, got 'garbage'");
        assertThat(problemLines("metrics:\n  pushgateway: \"ftp://gw:9091\"\n"))
                .singleElement()
                .asString()
                .startsWith("metrics.pushgateway: must be the http:// or https:// URL");
        assertThat(problemLines("metrics:\n  pushgateway: \"http://gw:9091/?x=1\"\n"))
                .containsExactly("metrics.pushgateway: must be the http:// or https:// URL of a Prometheus Pushgateway,"
                        + " e.g. http://127.0.0.1:9091, without ?query or #fragment, got 'http://gw:9091/?x=1'");
    }

    @Test
    void refusesCredentialsWithoutEchoingThem() {
        assertThat(problemLines("metrics:\n  pushgateway: \"http://admin:hunter2@gw:9091\"\n"))
                .containsExactly("metrics.pushgateway: must not contain a user or password");
        assertThat(problemLines("metrics:\n  pushgateway: \"admin:hunter2@gw:9091\"\n"))
                .singleElement()
                .asString()
                .doesNotContain("hunter2");
    }

    @Test
    void refusesUnknownKeysAndANonMapping() {
        assertThat(problemLines("metrics:\n  push-gateway: \"http://gw:9091\"\n"))
                .containsExactly("unknown key 'metrics.push-gateway' (did you mean 'metrics.pushgateway'?)");
        assertThat(problemLines("metrics: \"http://gw:9091\"\n"))
                .containsExactly("metrics: must be a mapping with keys pushgateway, got 'http://gw:9091'");
    }

    @Test
    void theVariableWinsOverTheJobFile() {
        MetricsSpec spec = new MetricsSpec(Optional.of(URI.create("http://from-file:9091")));

        assertThat(spec.effectivePushgateway(Map.of(MetricsSpec.PUSHGATEWAY_VARIABLE, "http://from-env:9091")))
                .contains(URI.create("http://from-env:9091"));
        assertThat(spec.effectivePushgateway(Map.of())).contains(URI.create("http://from-file:9091"));
        assertThat(MetricsSpec.none().effectivePushgateway(Map.of(MetricsSpec.PUSHGATEWAY_VARIABLE, " ")))
                .isEmpty();
    }

    @Test
    void aBadVariableIsRefusedNamingIt() {
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> MetricsSpec.none().effectivePushgateway(Map.of(MetricsSpec.PUSHGATEWAY_VARIABLE, "gw:9091")));

        assertThat(e.getMessage()).startsWith("LITE2PG_PUSHGATEWAY: must be the http:// or https:// URL");
    }

    private JobDefinition load(String yaml) {
        return JobFileLoader.load(JobFiles.write(directory, yaml));
    }

    private String[] problemLines(String metrics) {
        Lite2pgException e = catchThrowableOfType(Lite2pgException.class, () -> load(JobFiles.MINIMAL + metrics));
        return e.getMessage()
                .lines()
                .skip(1)
                .map(line -> line.replaceFirst("^  - ", ""))
                .toArray(String[]::new);
    }
}
