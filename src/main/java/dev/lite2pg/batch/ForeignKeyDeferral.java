package dev.lite2pg.batch;

import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.postgres.TargetDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Drops the foreign keys of the copied tables before the copy (every one of them, not only those that close a cycle:
 * see {@link PlanTasklet}) and adds exactly those back after it. Each key's definition is saved in the job's execution
 * context before it is dropped, so a run that dies in between still knows, on resume, what it must restore.
 */
final class ForeignKeyDeferral {

    static final String DROPPED = "foreignKeys.deferred";

    private final TargetDatabase target;
    private final JobRepository repository;

    ForeignKeyDeferral(TargetDatabase target, JobRepository repository) {
        this.target = target;
        this.repository = repository;
    }

    void defer(List<TargetForeignKey> keys, JobExecution jobExecution) {
        if (keys.isEmpty()) {
            return;
        }
        DeferredRecords.save(
                DROPPED, keys.stream().map(ForeignKeyDeferral::encode).toList(), jobExecution, repository);
        keys.forEach(target::dropForeignKey);
    }

    /** @return the keys added back now, as {@code table.name}; those already there are skipped */
    List<String> restore(JobExecution jobExecution) {
        List<String> restored = new ArrayList<>();
        for (String record : dropped(jobExecution.getExecutionContext())) {
            TargetForeignKey key = decode(record);
            if (target.addForeignKey(key)) {
                restored.add(key.displayName());
            }
        }
        return restored;
    }

    static List<String> restoredNames(ExecutionContext context) {
        return dropped(context).stream()
                .map(ForeignKeyDeferral::decode)
                .map(TargetForeignKey::displayName)
                .toList();
    }

    private static List<String> dropped(ExecutionContext context) {
        return DeferredRecords.read(context, DROPPED);
    }

    /** Every key this job instance deferred, with its columns: after a restart the catalog no longer shows them. */
    static List<TargetForeignKey> deferred(ExecutionContext context) {
        return dropped(context).stream().map(ForeignKeyDeferral::decode).toList();
    }

    // What ADD CONSTRAINT and the quarantine need, tab-separated, column lists joined by a unit separator: the
    // execution context then holds plain strings.
    private static final String LIST = "\u001f";

    private static String encode(TargetForeignKey key) {
        return key.table() + "\t" + key.name() + "\t" + key.referencedTable() + "\t" + String.join(LIST, key.columns())
                + "\t" + String.join(LIST, key.referencedColumns()) + "\t" + key.definition();
    }

    private static TargetForeignKey decode(String record) {
        String[] parts = record.split("\t", 6);
        return new TargetForeignKey(parts[1], parts[0], columns(parts[3]), parts[2], columns(parts[4]), parts[5]);
    }

    private static List<String> columns(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(LIST, -1));
    }
}
