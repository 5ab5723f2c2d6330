package dev.lite2pg.jobfile;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run's metrics go besides {@code metrics.json} in its folder.
 *
 * @param pushgateway the Prometheus Pushgateway the meters are pushed to at the end of each run
 */
public record MetricsSpec(Optional<URI> pushgateway) {

    /** Names a Pushgateway without editing the job file (CI, one machine's monitoring); it wins over the file's. */
    public static final String PUSHGATEWAY_VARIABLE = "LITE2PG_PUSHGATEWAY";

    public MetricsSpec {
        Objects.requireNonNull(pushgateway, "pushgateway");
    }

    public static MetricsSpec none() {
        return new MetricsSpec(Optional.empty());
    }

    /**
     * The Pushgateway to push to: {@value #PUSHGATEWAY_VARIABLE} when set, else the job file's.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a Pushgateway URL
     */
    public Optional<URI> effectivePushgateway(Map<String, String> environment) {
        String fromEnvironment = environment.get(PUSHGATEWAY_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return pushgateway;
        }
        JobRules.pushgateway(fromEnvironment).ifPresent(problem -> {
            throw new IllegalArgumentException(PUSHGATEWAY_VARIABLE + ": " + problem);
        });
        return Optional.of(URI.create(fromEnvironment));
    }
}
