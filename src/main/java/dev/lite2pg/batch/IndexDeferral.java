package dev.lite2pg.batch;

import dev.lite2pg.model.TargetIndex;
import dev.lite2pg.postgres.TargetDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Drops the copied tables' secondary indexes before the copy and builds them once after it. Each definition is
 * saved in the job's execution context, in the plan step's transaction, before the index is dropped: a run that dies
 * in between re-creates exactly those on resume.
 */
final class IndexDeferral {

    static final String DEFERRED = "indexes.deferred";

    private final TargetDatabase target;
    private final JobRepository repository;

    IndexDeferral(TargetDatabase target, JobRepository repository) {
        this.target = target;
        this.repository = repository;
    }

    /** @return the indexes dropped now (none on a resume that dropped them before) */
    List<TargetIndex> defer(Set<String> copiedTables, JobExecution jobExecution) {
        List<TargetIndex> indexes = target.deferrableIndexes().stream()
                .filter(i -> copiedTables.contains(i.table()))
                .toList();
        if (indexes.isEmpty()) {
            return indexes;
        }
        DeferredRecords.save(
                DEFERRED, indexes.stream().map(IndexDeferral::encode).toList(), jobExecution, repository);
        indexes.forEach(target::dropIndex);
        return indexes;
    }

    /** @return the indexes built now; those a previous attempt already built are skipped */
    List<String> rebuild(JobExecution jobExecution) {
        List<String> built = new ArrayList<>();
        for (String record : deferred(jobExecution.getExecutionContext())) {
            TargetIndex index = decode(record);
            if (target.createIndex(index)) {
                built.add(index.name());
            }
        }
        return built;
    }

    /** Every index this job instance deferred, as {@code table.name}. */
    static List<String> deferredNames(ExecutionContext context) {
        return deferred(context).stream()
                .map(IndexDeferral::decode)
                .map(i -> i.table() + "." + i.name())
                .toList();
    }

    private static List<String> deferred(ExecutionContext context) {
        return DeferredRecords.read(context, DEFERRED);
    }

    // Plain tab-separated strings: the execution context then holds nothing but strings.
    private static String encode(TargetIndex index) {
        return index.table() + "\t" + index.name() + "\t" + index.definition();
    }

    private static TargetIndex decode(String record) {
        String[] parts = record.split("\t", 3);
        return new TargetIndex(parts[0], parts[1], parts[2]);
    }
}
