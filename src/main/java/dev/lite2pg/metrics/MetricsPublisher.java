package dev.lite2pg.metrics;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.MetricsSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * At the end of every run, failed ones too (their figures say where it stopped): writes {@value MetricsFile#NAME}
 * into the run's folder and pushes the meters to the Pushgateway, if one is configured. Neither may fail a
 * cutover whose data is in place: a problem is a warning on the console.
 */
public final class MetricsPublisher implements JobExecutionListener {

    private final RunMetrics metrics;
    private final JobDefinition job;
    private final Path runFolder;
    private final PrintWriter out;
    private final Map<String, String> environment;

    /** @param environment where {@value MetricsSpec#PUSHGATEWAY_VARIABLE} may name another Pushgateway */
    public MetricsPublisher(
            RunMetrics metrics, JobDefinition job, Path runFolder, PrintWriter out, Map<String, String> environment) {
        this.metrics = metrics;
        this.job = job;
        this.runFolder = runFolder;
        this.out = out;
        this.environment = environment;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            MetricsFile.write(runFolder, new MetricsFile.Content(job.name(), metrics.summary()));
        } catch (IOException | RuntimeException e) {
            warn("could not write " + runFolder.resolve(MetricsFile.NAME) + ": " + e.getMessage());
        }
        Optional<URI> pushgateway;
        try {
            pushgateway = job.metrics().effectivePushgateway(environment);
        } catch (IllegalArgumentException e) {
            warn(e.getMessage() + "; the metrics were not pushed");
            return;
        }
        pushgateway.ifPresent(this::push);
    }

    private void push(URI address) {
        try {
            Pushgateway.push(address, job.name(), metrics.prometheus());
            say("pushed to the Pushgateway " + address + " as job " + job.name());
        } catch (IOException | RuntimeException e) {
            warn("could not push to the Pushgateway " + address + ": " + e.getMessage()
                    + "; the cutover is not affected");
        }
    }

    private void warn(String message) {
        say("WARNING: " + message);
    }

    private void say(String message) {
        out.println("[metrics] " + message);
        out.flush();
    }
}
