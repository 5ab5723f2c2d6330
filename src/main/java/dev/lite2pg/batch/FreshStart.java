package dev.lite2pg.batch;

import dev.lite2pg.catchup.CatchUpLog;
import dev.lite2pg.catchup.HeldSnapshot;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.ContentChecksums;
import dev.lite2pg.postgres.TargetDatabase;
import dev.lite2pg.source.SourceSnapshot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Abandons a previous run so that a new one can start: marks it ABANDONED (unless it completed), empties the tables it
 * wrote into and adds back the foreign keys and indexes it dropped for the copy. All of it in one PostgreSQL transaction with
 * the job repository, so a process killed half-way leaves either the old run, resumable, or a clean slate, never a
 * resumable run whose rows are gone. The schema Flyway made, and every table the run did not write, are left alone.
 */
final class FreshStart {

    private final PreviousRun previous;
    private final TargetDatabase target;
    private final DataSource dataSource;
    private final JobRepository repository;
    private final TransactionTemplate transaction;
    private final ForeignKeyDeferral foreignKeys;
    private final IndexDeferral indexes;
    private final JobDefinition job;
    /** Null: the tables are emptied whatever they hold (a rehearsal's, a failed run's); else see {@link #guardingChanges}. */
    private Boolean discardChanges;

    private FreshStart(
            PreviousRun previous,
            DataSource dataSource,
            JobRepository repository,
            PlatformTransactionManager transactions,
            JobDefinition job) {
        this.previous = previous;
        this.target = new TargetDatabase(dataSource, job.target().schema());
        this.dataSource = dataSource;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.foreignKeys = new ForeignKeyDeferral(target, repository);
        this.indexes = new IndexDeferral(target, repository);
        this.job = job;
    }

    static FreshStart of(
            PreviousRun previous,
            DataSource dataSource,
            JobRepository repository,
            PlatformTransactionManager transactions,
            JobDefinition job) {
        return new FreshStart(previous, dataSource, repository, transactions, job);
    }

    /**
     * After a completed cutover the application may have gone live on the target and written into its tables: each
     * table to be emptied is compared with what the run left (row count, then content checksum), and any change
     * refuses the fresh start before anything is asked or changed, unless {@code discard} says the operator means it.
     */
    FreshStart guardingChanges(boolean discard) {
        this.discardChanges = discard;
        return this;
    }

    /** @return false when the operator did not confirm; nothing was changed then */
    boolean run(Predicate<String> confirm, PrintWriter out) {
        List<String> tables = previous.tablesWritten();
        refuseForeignKeysFromOtherTables(tables);
        List<CatchUpLog.Entry> catchUps = catchUps();
        String changes = changesSinceCompletion(tables, catchUps);
        String what = (previous.status() == BatchStatus.COMPLETED ? "--fresh starts over after " : "--fresh abandons ")
                + previous.describe() + " of job " + job.name() + " into "
                + job.target().redactedUrl()
                + " schema " + job.target().schema()
                + (tables.isEmpty()
                        ? "; it wrote into no table, so nothing is emptied."
                        : ", and empties the " + tables.size()
                                + " table(s) it wrote into (TRUNCATE; the schema and every other table are kept): "
                                + String.join(", ", tables) + ".")
                + (changes.isEmpty() ? "" : " Changed since it completed, and discarded: " + changes + ".");
        if (!confirm.test(what)) {
            return false;
        }
        List<String> emptied = new ArrayList<>();
        java.util.Set<String> restored = new java.util.LinkedHashSet<>();
        try {
            transaction.executeWithoutResult(status -> {
                if (Boolean.FALSE.equals(discardChanges) && previous.status() == BatchStatus.COMPLETED) {
                    // The application may have written while the operator read the question: with its writes locked
                    // out until the TRUNCATE commits, the tables are compared again, and a change refuses (rolled
                    // back).
                    target.lockAgainstWrites(tables);
                    changesSinceCompletion(tables, catchUps);
                }
                abandon(previous.last());
                emptied.addAll(target.truncate(tables));
                for (JobExecution execution : previous.executions()) {
                    restored.addAll(foreignKeys.restore(execution));
                    restored.addAll(indexes.rebuild(execution));
                }
            });
        } catch (DataAccessException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "--fresh could not empty the tables of " + previous.describe()
                            + " in schema " + job.target().schema() + ": "
                            + e.getMostSpecificCause().getMessage()
                            + ". Nothing was changed (one transaction).",
                    e);
        }
        out.println("[fresh] " + previous.describe()
                + (previous.status() == BatchStatus.COMPLETED ? " stays recorded as COMPLETED" : " marked ABANDONED")
                + (emptied.isEmpty() ? "; no table to empty" : "; emptied " + String.join(", ", emptied))
                + (restored.isEmpty()
                        ? ""
                        : "; foreign keys and indexes it had dropped added back: " + String.join(", ", restored))
                + (changes.isEmpty()
                        ? ""
                        : "; discarded what changed since it completed (" + CutoverLauncher.DISCARD_CHANGES + "): "
                                + changes));
        List<Path> deleted = deleteSnapshots(catchUps);
        if (!deleted.isEmpty()) {
            out.println(
                    "[fresh] deleted " + deleted.stream().map(Path::toString).collect(Collectors.joining(", "))
                            + ": the copy of the source " + previous.describe()
                            + " kept (for a resume, or as the base of catch-up); no stale copy of the data stays on disk");
        }
        return true;
    }

    /**
     * The run's snapshot, and every snapshot its catch-ups took: the newest is the base a next catch-up would have
     * read, and an older one stays behind when a catch-up stopped between its commit and its validation. A new run
     * takes its own; these would only be stale copies of the data. Returns those that were there.
     */
    private List<Path> deleteSnapshots(List<CatchUpLog.Entry> catchUps) {
        List<Path> snapshots = new ArrayList<>();
        snapshots.add(previous.snapshot());
        catchUps.forEach(e -> snapshots.add(Path.of(e.snapshot())));
        List<Path> deleted = new ArrayList<>();
        for (Path snapshot : snapshots) {
            if (Files.isRegularFile(snapshot)) {
                SourceSnapshot.delete(snapshot);
                deleted.add(snapshot);
            }
        }
        return deleted;
    }

    /**
     * A table the run did not write (the application's own, added after go-live, or in another schema) may reference
     * one it did: PostgreSQL would refuse the TRUNCATE, and HikariCP takes that error (SQLSTATE 0A000) for a dead
     * connection, which would hide PostgreSQL's reason behind "Connection is closed". So it is named first.
     */
    private void refuseForeignKeysFromOtherTables(List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        List<String> keys = target.foreignKeysFromOtherTables(tables);
        if (!keys.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "--fresh could not empty the tables of " + previous.describe() + " in schema "
                            + job.target().schema() + ": PostgreSQL cannot truncate a table referenced in a foreign"
                            + " key constraint, and tables the run did not write reference them: "
                            + String.join(", ", keys) + ". Nothing was changed. Empty those tables and drop their"
                            + " foreign keys into the copied tables (or the tables themselves) first, if their rows"
                            + " may go; otherwise keep the target as it is.");
        }
    }

    /** The previous run's catch-ups, oldest first (none unless it completed with cutover --live). */
    private List<CatchUpLog.Entry> catchUps() {
        try {
            return HeldSnapshot.catchUps(
                    dataSource, job.repositorySchema(), previous.instance().getInstanceId());
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "--fresh cannot read the catch-ups of " + previous.describe() + " in " + job.repositorySchema()
                            + "." + CatchUpLog.NAME + ": " + e.getMessage() + ". Nothing was changed.",
                    e);
        }
    }

    /** The tables that changed since the completed run, described; empty when none did or no guard applies. */
    private String changesSinceCompletion(List<String> tables, List<CatchUpLog.Entry> catchUps) {
        if (discardChanges == null || previous.status() != BatchStatus.COMPLETED || tables.isEmpty()) {
            return "";
        }
        Map<String, CompletedContents.TableContent> then =
                afterCatchUps(CompletedContents.read(previous.last().getExecutionContext()), catchUps);
        List<String> changed = new ArrayList<>();
        for (String table : tables) {
            CompletedContents.TableContent content = then.get(table);
            if (content == null) {
                // The validate step records every copied table before the run can complete.
                throw new IllegalStateException(
                        previous.describe() + " completed without recording what it left in " + table);
            }
            if (target.tableExists(table)) {
                CompletedContents.changeOf(content, target)
                        .map(CompletedContents.Change::describe)
                        .ifPresent(changed::add);
            }
        }
        String described = String.join(", ", changed);
        if (!changed.isEmpty() && !discardChanges) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "--fresh refused: " + changed.size() + " table(s) of " + previous.describe()
                            + " changed since it completed (ended "
                            + previous.last().getEndTime() + "): " + described + ". The application has"
                            + " probably written to the target since the cutover; --fresh would TRUNCATE those rows. Nothing was changed."
                            + " Keep them (the target is already cut over), or, to discard them and copy the source again, add "
                            + CutoverLauncher.DISCARD_CHANGES + " to cutover --fresh."
                            + (catchUps.isEmpty()
                                    ? ""
                                    : " (Compared with what its newest catch-up left in each table it changed.)"));
        }
        return described;
    }

    /**
     * What the target held after the newest catch-up that changed each table: its row count, and its content checksum
     * as the catch-up validated it (the same checksum of the rows' text as the copy's); a table a catch-up changed
     * without one, or that did not pass, has no checksum to compare with, so it counts as changed.
     */
    private static Map<String, CompletedContents.TableContent> afterCatchUps(
            Map<String, CompletedContents.TableContent> completed, List<CatchUpLog.Entry> catchUps) {
        Map<String, CompletedContents.TableContent> contents = new java.util.LinkedHashMap<>(completed);
        for (CatchUpLog.Entry entry : catchUps) {
            for (CatchUpLog.TableChanges t : entry.tables()) {
                CompletedContents.TableContent was = contents.get(t.table());
                if (was == null) {
                    continue;
                }
                String checksum = entry.passed()
                        ? t.checksum()
                                .map(sum -> ContentChecksums.Checksum.TEXT_DIGEST + sum.digest())
                                .orElse("none")
                        : "none";
                contents.put(
                        t.table(),
                        new CompletedContents.TableContent(t.table(), t.rows(), checksum, was.columns(), was.types()));
            }
        }
        return contents;
    }

    private void abandon(JobExecution last) {
        if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            return;
        }
        last.setStatus(BatchStatus.ABANDONED);
        if (last.getEndTime() == null) {
            last.setEndTime(LocalDateTime.now());
        }
        repository.update(last);
    }
}
