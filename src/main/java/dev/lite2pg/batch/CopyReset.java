package dev.lite2pg.batch;

import dev.lite2pg.postgres.PostgresCopyWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Puts copied tables back to "not copied yet": the tables emptied (they were empty when the run found them: the
 * preflight and precheck steps refuse a target table holding rows) and their copy steps' saved positions forgotten
 * and marked FAILED, so that the next start of the run copies them again from their first row. In the caller's
 * transaction, with the job repository: the rows and the positions saying they were written go together.
 *
 * <p>A copy under {@code on-bad-row: fail} that met a bad row goes on converting without writing, and saves its
 * position past rows it did not write: those positions must never be resumed from.
 */
final class CopyReset {

    private final CutoverRun run;
    private final JobRepository repository;

    CopyReset(CutoverRun run, JobRepository repository) {
        this.run = run;
        this.repository = repository;
    }

    /** Every copied table, after the copy refused: the target as the run found it, the copy to be done again. */
    void all(JobInstance instance, String why) {
        Map<String, List<StepExecution>> steps = lastTableSteps(instance);
        List<String> tables =
                run.plan.built().copies().stream().map(c -> c.targetTable()).toList();
        run.target.emptyAsFound(tables);
        steps.values().forEach(list -> list.forEach(step -> forget(step, why)));
        failManager(instance, why);
    }

    /**
     * The tables whose copy discarded rows in a start that ended before it could reset them (killed, or another table
     * failed): copied again from their first row on this start.
     *
     * @return the tables reset
     */
    List<String> discarded(JobInstance instance) {
        Map<String, List<StepExecution>> steps = lastTableSteps(instance);
        List<String> tables = new ArrayList<>();
        steps.forEach((table, list) -> {
            if (list.stream()
                    .anyMatch(s -> s.getExecutionContext().getLong(PostgresCopyWriter.ROWS_DISCARDED_KEY, 0L) > 0)) {
                tables.add(table);
            }
        });
        if (tables.isEmpty()) {
            return tables;
        }
        run.target.emptyAsFound(tables);
        String why =
                "copied again: an earlier start discarded rows of it after a bad row and stopped before emptying it";
        tables.forEach(t -> steps.get(t).forEach(step -> forget(step, why)));
        failManager(instance, why);
        return tables;
    }

    /** Each table's copy steps, the last execution of each step name over every execution of the run. */
    private Map<String, List<StepExecution>> lastTableSteps(JobInstance instance) {
        Set<String> names = new LinkedHashSet<>();
        for (JobExecution execution : repository.getJobExecutions(instance)) {
            execution.getStepExecutions().stream().filter(CopySteps::isTable).forEach(s -> names.add(s.getStepName()));
        }
        Map<String, List<StepExecution>> byTable = new LinkedHashMap<>();
        for (String name : names) {
            StepExecution last = repository.getLastStepExecution(instance, name);
            if (last != null) {
                byTable.computeIfAbsent(CopySteps.table(last), t -> new ArrayList<>())
                        .add(last);
            }
        }
        return byTable;
    }

    /** The partition manager too: a completed one would not run its tables again. */
    private void failManager(JobInstance instance, String why) {
        StepExecution manager = repository.getLastStepExecution(instance, CopySteps.MANAGER);
        if (manager != null && manager.getStatus() == BatchStatus.COMPLETED) {
            manager.setStatus(BatchStatus.FAILED);
            manager.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), why));
            repository.update(manager);
        }
    }

    private void forget(StepExecution step, String why) {
        ExecutionContext context = step.getExecutionContext();
        Collection<String> progress = context.entrySet().stream()
                .map(Map.Entry::getKey)
                .filter(key -> key.equals(SqliteItemReader.POSITION_KEY)
                        || key.equals(SqliteItemReader.ROWS_KEY)
                        || PostgresCopyWriter.isProgress(key))
                .toList();
        progress.forEach(context::remove);
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), why));
        repository.update(step);
        repository.updateExecutionContext(step);
    }
}
