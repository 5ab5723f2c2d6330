package dev.lite2pg.batch;

import dev.lite2pg.postgres.ContentChecksums;
import dev.lite2pg.postgres.TargetDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Each copied table's row count and content checksum as validation left them, kept in the job's execution context:
 * after go-live the application writes into these tables, and {@code cutover --fresh} compares them with what the
 * completed run left before it empties anything, so that it never discards the application's rows unannounced.
 */
final class CompletedContents {

    private static final String KEY = "validate.targetContents";
    // Tab-separated, column lists joined by a unit separator: the execution context then holds plain strings.
    private static final String LIST = "\u001f";

    /**
     * @param columns the columns the checksum covers (those the copy wrote), with their {@code types}: the same
     *     checksum can be computed again later
     */
    record TableContent(String table, long rows, String checksum, List<String> columns, List<String> types) {}

    /**
     * @param now the table's rows now; {@code checksumNow} is null when the counts already differ
     */
    record Change(TableContent then, long now, String checksumNow) {

        String describe() {
            return then.table() + " ("
                    + (then.rows() == now
                            ? then.rows() + " rows then and now, content checksum " + shown(then.checksum()) + " then, "
                                    + shown(checksumNow) + " now"
                            : then.rows() + " rows then, " + now + " now")
                    + ")";
        }
    }

    /** A digest as the report printed it: without the mark of a checksum computed from the rows' text. */
    private static String shown(String digest) {
        return ContentChecksums.Checksum.isTextDigest(digest)
                ? digest.substring(ContentChecksums.Checksum.TEXT_DIGEST.length())
                : digest;
    }

    private CompletedContents() {}

    /** Replaces what an earlier execution recorded: validation runs again on every resume. */
    static void record(List<TableContent> tables, JobExecution jobExecution, JobRepository repository) {
        jobExecution
                .getExecutionContext()
                .put(
                        KEY,
                        new ArrayList<>(
                                tables.stream().map(CompletedContents::encode).toList()));
        repository.updateExecutionContext(jobExecution);
    }

    /** By table: every table the run copied, once its validate step ran. */
    static Map<String, TableContent> read(ExecutionContext context) {
        Map<String, TableContent> tables = new LinkedHashMap<>();
        for (String record : DeferredRecords.read(context, KEY)) {
            TableContent content = decode(record);
            tables.put(content.table(), content);
        }
        return tables;
    }

    /**
     * How the table differs from what the run left; empty when it is as it was. Counts first: a count reads no value,
     * and most writes (inserts, deletes) change it, so the checksum, which reads and hashes every value of every
     * row, is computed only for a table whose count is unchanged (an update keeps it).
     */
    static Optional<Change> changeOf(TableContent then, TargetDatabase target) {
        long now = target.rowCount(then.table());
        if (now != then.rows()) {
            return Optional.of(new Change(then, now, null));
        }
        // Computed the way validation computed it: from the rows' text, or by PostgreSQL.
        String digest = ContentChecksums.Checksum.isTextDigest(then.checksum())
                ? ContentChecksums.Checksum.TEXT_DIGEST
                        + target.storedChecksum(then.table(), then.columns(), then.types())
                                .digest()
                : target.contentChecksum(then.table(), then.columns(), then.types())
                        .digest();
        return digest.equals(then.checksum()) ? Optional.empty() : Optional.of(new Change(then, now, digest));
    }

    private static String encode(TableContent t) {
        return t.table() + "\t" + t.rows() + "\t" + t.checksum() + "\t" + String.join(LIST, t.columns()) + "\t"
                + String.join(LIST, t.types());
    }

    private static TableContent decode(String record) {
        String[] parts = record.split("\t", 5);
        return new TableContent(
                parts[0],
                Long.parseLong(parts[1]),
                parts[2],
                List.of(parts[3].split(LIST, -1)),
                List.of(parts[4].split(LIST, -1)));
    }
}
