package dev.lite2pg.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meters of one run (a start or a resume, in one process): rows and chunk times per table from lite2pg's own
 * listeners, job and step durations from Spring Batch's observations ({@code spring.batch.job},
 * {@code spring.batch.step}). Kept in the Prometheus format, so that the same registry is what gets pushed.
 */
public final class RunMetrics {

    private final PrometheusMeterRegistry registry;
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final Map<String, TableMeters> tables = new LinkedHashMap<>();

    public RunMetrics() {
        this(Clock.SYSTEM);
    }

    RunMetrics(Clock clock) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
        // An "active" long-task timer reads 0 once the run is over, which is when it is pushed: only timers are kept.
        observations
                .observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(registry, IgnoredMeters.LONG_TASK_TIMER));
    }

    /** For the job's and the steps' builders: turns Spring Batch's own observations into this run's timers. */
    public ObservationRegistry observations() {
        return observations;
    }

    /** The meters that count and time the table's copy; tables, and a table's ranges, may be copied on several threads. */
    public synchronized TableMeters forTable(String targetTable) {
        return tables.computeIfAbsent(targetTable, t -> new TableMeters(registry, t));
    }

    /** Per table, in the order their copy started; tables this run did not copy are absent. */
    public synchronized List<TableFigures> summary() {
        return tables.values().stream().map(TableMeters::figures).toList();
    }

    PrometheusRegistry prometheus() {
        return registry.getPrometheusRegistry();
    }
}
