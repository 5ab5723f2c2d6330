package dev.lite2pg.batch;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Definitions of schema objects dropped for the copy, kept as plain strings under one key of the job's execution
 * context and saved before the objects are dropped: a run that dies in between still knows what to re-create.
 */
final class DeferredRecords {

    private DeferredRecords() {}

    /** Adds the records not saved yet and writes the job's context through the repository, in the caller's transaction. */
    static void save(String key, List<String> records, JobExecution jobExecution, JobRepository repository) {
        ExecutionContext context = jobExecution.getExecutionContext();
        List<String> saved = read(context, key);
        for (String record : records) {
            if (!saved.contains(record)) {
                saved.add(record);
            }
        }
        context.put(key, saved);
        repository.updateExecutionContext(jobExecution);
    }

    @SuppressWarnings("unchecked")
    static List<String> read(ExecutionContext context, String key) {
        Object value = context.get(key);
        return value == null ? new ArrayList<>() : new ArrayList<>((List<String>) value);
    }
}
