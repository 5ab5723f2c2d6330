package dev.lite2pg.metrics;

import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Pushes a run's meters to a Prometheus Pushgateway with Prometheus' own client. */
final class Pushgateway {

    /** An unreachable gateway delays the end of a cutover by these at most, and fails nothing. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Pushgateway() {}

    /**
     * Replaces what the gateway holds for {@code job=<job>} with this run's meters, so that the last run is what
     * Prometheus scrapes.
     *
     * @param address an http(s) URL, checked by the job file's rules: the client wants host, port and any path
     *     prefix apart from the scheme
     */
    static void push(URI address, String job, PrometheusRegistry registry) throws IOException {
        String path = address.getRawPath() == null ? "" : address.getRawPath().replaceAll("/+$", "");
        PushGateway.builder()
                .scheme("https".equalsIgnoreCase(address.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(address.getRawAuthority() + path)
                .job(job)
                .registry(registry)
                .connectionTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build()
                .push();
    }
}
