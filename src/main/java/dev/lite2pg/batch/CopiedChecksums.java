package dev.lite2pg.batch;

import dev.lite2pg.checksum.CopiedChecksum;
import dev.lite2pg.postgres.ContentChecksums.Checksum;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The content checksums the copy steps kept ({@link CopiedChecksum}), added up per target table over the last
 * execution of each of its copy steps (a table copied in several partitions has several), so validation can compare
 * them with what PostgreSQL stored.
 */
final class CopiedChecksums {

    private final Map<String, Optional<Checksum>> byTable = new HashMap<>();

    private CopiedChecksums() {}

    static CopiedChecksums of(JobExecution current, JobRepository repository) {
        Map<String, StepExecution> lastByStep = new HashMap<>();
        for (JobExecution execution : repository.getJobExecutions(current.getJobInstance())) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (CopySteps.isTable(step)) {
                    lastByStep.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        CopiedChecksums sums = new CopiedChecksums();
        for (StepExecution step : lastByStep.values()) {
            Optional<Checksum> part = saved(step.getExecutionContext());
            sums.byTable.merge(
                    CopySteps.table(step),
                    part,
                    (a, b) ->
                            a.isPresent() && b.isPresent() ? Optional.of(a.get().plus(b.get())) : Optional.empty());
        }
        return sums;
    }

    /** The table's checksum, or empty when a step of it kept none (a column without canonical form, an older run). */
    Optional<Checksum> of(String targetTable) {
        return byTable.getOrDefault(targetTable, Optional.empty());
    }

    private static Optional<Checksum> saved(ExecutionContext context) {
        if (!context.containsKey(CopiedChecksum.SUM_KEY)) {
            return Optional.empty();
        }
        return Optional.of(
                new Checksum(context.getLong(CopiedChecksum.ROWS_KEY), context.getLong(CopiedChecksum.SUM_KEY)));
    }
}
