package dev.lite2pg.catchup;

import dev.lite2pg.check.BadValuesFile;
import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.jobfile.BadRowPolicy;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.postgres.PostgresCatalog;
import dev.lite2pg.postgres.QuarantineTable;
import dev.lite2pg.postgres.Sequences;
import dev.lite2pg.postgres.TargetDatabase;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.source.DisposableSnapshot;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceSnapshot;
import dev.lite2pg.source.SourceStamp;
import dev.lite2pg.sqlite.SqliteFiles;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.sqlite.SqliteSql;
import dev.lite2pg.validate.ContentCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Brings a completed cutover's target up to date with its source after the application wrote to it: a new snapshot,
 * diffed table by table against the last one the target holds (the run's, or the previous catch-up's), the changed
 * rows converted by the copy's converters and applied in one transaction together with the catch-up's record, then
 * every changed table validated in full against the new snapshot. No Spring context: the operator waits for this with
 * the application stopped, and a catch-up's restart is simply running it again (its one transaction committed or did
 * not). {@link dev.lite2pg.batch.CatchUpLauncher} finds the run in the job repository and holds the run lock.
 */
public final class CatchUp {

    /**
     * @param parallelism tables diffed and validated at the same time
     * @param live the application is still running: the target is complete as of the new snapshot, and the next
     *     catch-up takes what it writes meanwhile
     * @param fullCheck validate each changed table against the new snapshot read and converted again in full, row by
     *     row, instead of by the checksum carried through the catch-ups (which counts on the comparison having found
     *     every changed row); slower, independent of the comparison
     */
    public record Options(int parallelism, boolean live, boolean fullCheck) {

        public Options {
            if (parallelism < 1) {
                // The command line refuses it first, naming --parallel (cli.ParallelOption).
                throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
            }
        }
    }

    /** How a catch-up ended; {@link dev.lite2pg.cli} turns it into an exit code. */
    public enum Outcome {
        /** Nothing was written to the source since the last snapshot the target holds, which was validated. */
        UP_TO_DATE,
        PASS,
        FAIL
    }

    /**
     * @param entry the catch-up as recorded; null when {@link Outcome#UP_TO_DATE}
     * @param sourceWritten the source was written to after the new snapshot (the application is still running)
     */
    public record Result(Outcome outcome, CatchUpLog.Entry entry, Path runFolder, boolean sourceWritten) {}

    private final JobDefinition job;
    private final Options options;
    private final CompletedRun run;

    private final DataSource target;
    private final String runName;
    private final Path runFolder;
    private final PrintWriter out;
    private final Instant began;
    private final CatchUpLog log;
    private final Runnable beforeCommit;

    /**
     * @param run the completed cutover run the target holds, with the facts of it the catch-up needs
     * @param target plain sessions on the target, not Spring's
     * @param runName names this catch-up's snapshot, and its folder {@code runFolder}
     * @param beforeCommit run just before the one commit: where a test stops a catch-up to kill it
     */
    public CatchUp(
            JobDefinition job,
            Options options,
            CompletedRun run,
            DataSource target,
            String runName,
            Path runFolder,
            PrintWriter out,
            Instant began,
            Runnable beforeCommit) {
        this.job = job;
        this.options = options;
        this.run = run;
        this.target = target;
        this.runName = runName;
        this.runFolder = runFolder;
        this.out = out;
        this.began = began;
        this.beforeCommit = beforeCommit;
        this.log = new CatchUpLog(job.repositorySchema());
    }

    /** Catches up, or says there was nothing to catch up; a refusal before anything was written otherwise. */
    public Result run() throws Exception {
        List<CatchUpLog.Entry> earlier;
        try (Connection connection = target.getConnection()) {
            earlier = log.of(connection, run.instanceId());
        }
        HeldSnapshot base = HeldSnapshot.of(run.snapshot(), run.snapshotSha256(), run.sourceStamp(), earlier);
        Optional<CatchUpLog.Entry> last = base.catchUp();
        boolean lastJudged = last.map(CatchUpLog.Entry::passed).orElse(true);
        if (lastJudged && SourceStamp.of(job.source().path()).equals(base.stamp())) {
            say("nothing was written to " + job.source().path() + " since the snapshot " + base.file()
                    + ": the target is up to date; nothing was written");
            return new Result(Outcome.UP_TO_DATE, last.orElse(null), null, false);
        }
        // The base is hashed while the new snapshot is taken: two reads of two files, on two cores.
        java.util.concurrent.CompletableFuture<Optional<String>> baseProblem =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> SourceSnapshot.problem(base.file(), base.sha256()));
        PrivateFiles.folder(runFolder);
        Path snapshotFile = job.output().resolve(job.name()).resolve("snapshot-" + runName + ".sqlite");
        // Never recorded, it is never a base: deleted however this ends before the commit, Ctrl-C included.
        try (DisposableSnapshot pending = DisposableSnapshot.guard(snapshotFile, "the catch-up's snapshot")) {
            long t = System.nanoTime();
            SourceSnapshot snapshot = SourceSnapshot.take(job.source().path(), snapshotFile, false);
            baseProblem.join().ifPresent(problem -> {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "job " + job.name() + " cannot catch up: " + problem + ", and a catch-up tells what"
                                + " changed by comparing the source with it. Nothing was written. With the"
                                + " application stopped, copy everything again: cutover --fresh (see"
                                + " runbooks/cutover.md).");
            });
            say("snapshot " + snapshotFile + " (sha256 " + snapshot.sha256() + ") in " + seconds(t) + ", compared with "
                    + base.file() + " (sha256 verified)");
            CopyPlan plan;
            try (Connection connection = target.getConnection()) {
                plan = plan(job, snapshot.file(), connection);
            }
            CatchUpLog.Entry entry = apply(plan, base, snapshot, earlier, pending);
            return validate(plan, base, snapshot, entry, last);
        }
    }

    /** Diffs, converts and applies; returns the catch-up as committed with its changes. */
    private CatchUpLog.Entry apply(
            CopyPlan plan,
            HeldSnapshot base,
            SourceSnapshot snapshot,
            List<CatchUpLog.Entry> earlier,
            DisposableSnapshot pending)
            throws Exception {
        String schema = job.target().schema();
        requireSameSchema(plan, tables(base.file()));
        List<TableDiff> diffs = new ArrayList<>();
        List<TableCopy> keyless = new ArrayList<>();
        try (Connection connection = target.getConnection()) {
            for (TableCopy copy : plan.copies()) {
                Optional<TableDiff> diff = diffable(connection, schema, copy);
                if (diff.isPresent()) {
                    diffs.add(diff.get());
                } else {
                    keyless.add(copy);
                }
            }
        }
        requireKeylessUnchanged(keyless, base, snapshot);
        boolean quarantine = job.onBadRow() == BadRowPolicy.QUARANTINE;
        long t = System.nanoTime();
        List<TableDelta> deltas = read(diffs, base, snapshot, quarantine);
        say("compared " + diffs.size() + " table(s) by key and converted the rows that differ in " + seconds(t));
        try {
            refuseBadValues(deltas, quarantine);
            return write(plan, deltas, snapshot, base, earlier, quarantine, pending);
        } finally {
            deltas.forEach(TableDelta::close);
        }
    }

    private List<SourceTable> tables(Path file) {
        try (SqliteSource source = SqliteSource.open(file)) {
            return source.tables();
        }
    }

    /** A catch-up copies rows; a table whose columns changed since the base needs the schema migrated first. */
    private void requireSameSchema(CopyPlan plan, List<SourceTable> before) {
        Map<String, SourceTable> then = before.stream().collect(Collectors.toMap(SourceTable::name, t -> t));
        List<String> changed = new ArrayList<>();
        for (TableCopy copy : plan.copies()) {
            SourceTable was = then.get(copy.source().name());
            if (was == null) {
                changed.add(copy.source().name() + " (new since the base snapshot)");
            } else if (!was.equals(copy.source())) {
                changed.add(copy.source().name() + " (its columns or keys changed)");
            }
        }
        if (!changed.isEmpty()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the source's schema changed since the snapshot the target holds: " + String.join(", ", changed)
                            + ". A catch-up copies rows, not schema changes. Nothing was written. Migrate the target"
                            + " schema the same way and copy again during the freeze: cutover --fresh.");
        }
    }

    /**
     * A table without a key the target can address its rows by is compared whole: unchanged, it needs nothing; a
     * change to it cannot be applied exactly, so the catch-up refuses before writing anything.
     */
    private void requireKeylessUnchanged(List<TableCopy> keyless, HeldSnapshot base, SourceSnapshot snapshot)
            throws SQLException {
        if (keyless.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>();
        try (Connection connection = SqliteFiles.openReadOnly(snapshot.file())) {
            SqliteFiles.attachReadOnly(connection, base.file(), "base");
            for (TableCopy copy : keyless) {
                if (differs(connection, copy)) {
                    changed.add(copy.source().name());
                }
            }
        }
        String names = keyless.stream().map(c -> c.source().name()).collect(Collectors.joining(", "));
        if (changed.isEmpty()) {
            say("tables without a key the target can address rows by (" + names
                    + ") are unchanged since the base snapshot: nothing to catch up in them");
            return;
        }
        throw new Lite2pgException(
                ErrorCode.PRECONDITION,
                "cannot catch up " + String.join(", ", changed) + ": changed since the snapshot the target holds,"
                        + " and without a primary key copied into a key of the target table (" + names
                        + " have none) a changed row cannot be told from a deleted and a new one, nor found in the"
                        + " target. Nothing was written. Either leave the table out of the job (mapping.exclude)"
                        + " and move it yourself, or copy everything during the freeze: cutover --fresh.");
    }

    /** Whether a keyless table's rows differ between the two files, as multisets of exact values. */
    private static boolean differs(Connection connection, TableCopy copy) throws SQLException {
        String columns = copy.sourceColumns().stream()
                .map(SqliteSql::quote)
                .map(c -> "typeof(" + c + "), " + c + " COLLATE BINARY")
                .collect(Collectors.joining(", "));
        String table = SqliteSql.quote(copy.source().name());
        String sql = "SELECT (SELECT count(*) FROM main." + table + ") <> (SELECT count(*) FROM base." + table
                + ") OR EXISTS (SELECT " + columns + " FROM main." + table + " EXCEPT SELECT " + columns
                + " FROM base." + table + ") OR EXISTS (SELECT " + columns + " FROM base." + table
                + " EXCEPT SELECT " + columns + " FROM main." + table + ")";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Every table's changes, read from both snapshots at once, a table per thread. */
    private List<TableDelta> read(List<TableDiff> diffs, HeldSnapshot base, SourceSnapshot snapshot, boolean quarantine)
            throws Exception {
        ReadBudget budget = ReadBudget.forThisJvm(options.parallelism());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        List<Future<TableDelta>> reads = new ArrayList<>();
        try {
            for (TableDiff diff : diffs) {
                reads.add(pool.submit(
                        () -> TableDelta.read(diff, base.file(), snapshot.file(), budget, runFolder, quarantine)));
            }
            List<TableDelta> deltas = new ArrayList<>();
            for (Future<TableDelta> read : reads) {
                deltas.add(result(read));
            }
            return deltas;
        } finally {
            pool.shutdownNow();
        }
    }

    /** on-bad-row: fail: every refused value listed, nothing written. */
    private void refuseBadValues(List<TableDelta> deltas, boolean quarantine) {
        List<RowRefusal> refused =
                deltas.stream().flatMap(d -> d.refusals().stream()).toList();
        if (refused.isEmpty() || quarantine) {
            return;
        }
        Path file = runFolder.resolve("bad-values.csv");
        try (BadValuesFile csv = new BadValuesFile(file)) {
            refused.forEach(csv::write);
        }
        RowRefusal first = refused.get(0);
        throw new Lite2pgException(
                ErrorCode.PRECONDITION,
                refused.size() + " value(s) in the rows changed since the last snapshot would be refused by the"
                        + " target (on-bad-row: fail); nothing was written. First: table " + first.table()
                        + ", row " + first.rowKey() + ", column " + first.column() + ", value " + first.value()
                        + ": " + first.reason() + ". Every one: " + file + ". Fix them in the source (the"
                        + " application stopped) and run catch-up again, or set on-bad-row: quarantine.");
    }

    private CatchUpLog.Entry write(
            CopyPlan plan,
            List<TableDelta> deltas,
            SourceSnapshot snapshot,
            HeldSnapshot base,
            List<CatchUpLog.Entry> earlier,
            boolean quarantine,
            DisposableSnapshot pending)
            throws SQLException {
        int number = earlier.size() + 1;
        String schema = job.target().schema();
        Set<String> changed = deltas.stream()
                .filter(d -> !d.empty())
                .map(d -> d.copy().targetTable())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, long[]> counts = new LinkedHashMap<>();
        QuarantineTable quarantined = new QuarantineTable(job.repositorySchema(), job.name(), run.runId());
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement st = connection.createStatement()) {
                    CatchUpLog.ensure(st, job.repositorySchema());
                }
                long applying = System.nanoTime();
                TargetChanges changes = new TargetChanges(connection, schema);
                changes.deferForeignKeys(plan.foreignKeys(), changed);
                List<TableDelta> parentsFirst = deltas.stream()
                        .filter(d -> changed.contains(d.copy().targetTable()))
                        .sorted(java.util.Comparator.comparingInt(d -> d.copy().order()))
                        .toList();
                for (TableDelta delta : parentsFirst) {
                    changes.stage(delta);
                    counts.put(delta.copy().targetTable(), new long[4]);
                }
                // Children's rows go before their parents', parents' come in before their children's: the
                // referential actions (CASCADE, SET NULL) then find nothing of the catch-up's to act on.
                for (int i = parentsFirst.size() - 1; i >= 0; i--) {
                    TableCopy copy = parentsFirst.get(i).copy();
                    counts.get(copy.targetTable())[2] = changes.delete(copy);
                }
                for (TableDelta delta : parentsFirst) {
                    long[] applied = changes.upsert(delta.copy());
                    long[] c = counts.get(delta.copy().targetTable());
                    c[0] = applied[0];
                    c[1] = applied[1];
                    c[3] = delta.refusals().size();
                    if (quarantine) {
                        quarantined.removeSourceKeys(connection, delta.copy().targetTable(), delta.touchedKeys());
                        quarantined.add(connection, delta.quarantined());
                    }
                }
                try {
                    changes.checkForeignKeys();
                } catch (SQLException e) {
                    throw new Lite2pgException(
                            ErrorCode.PRECONDITION,
                            "the changes since the last snapshot break a foreign key of the target: "
                                    + e.getMessage().replace('\n', ' ')
                                    + ". Nothing was written. lite2pg check --job FILE lists the source's orphan"
                                    + " rows; fix them in the source (the application stopped) and run catch-up"
                                    + " again.",
                            e);
                }
                TargetDatabase tables = new TargetDatabase(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true), schema);
                List<CatchUpLog.TableChanges> tableChanges = new ArrayList<>();
                java.util.function.Function<String, Optional<Checksum>> before = checksumsBefore(connection, earlier);
                for (TableDelta delta : parentsFirst) {
                    String table = delta.copy().targetTable();
                    long[] c = counts.get(table);
                    Optional<Checksum> after =
                            before.apply(table).flatMap(sum -> delta.checksum().map(sum::plus));
                    tableChanges.add(new CatchUpLog.TableChanges(
                            table,
                            c[0],
                            c[1],
                            c[2],
                            c[3],
                            tables.rowCount(table),
                            after.map(Checksum::rows).orElse(null),
                            after.map(Checksum::sum).orElse(null)));
                }
                CatchUpLog.Entry entry = new CatchUpLog.Entry(
                        run.instanceId(),
                        number,
                        job.name(),
                        began,
                        Instant.now(),
                        snapshot.file().toString(),
                        snapshot.sha256(),
                        job.source().path().toString(),
                        snapshot.stamp(),
                        base.sha256(),
                        runFolder.toString(),
                        tableChanges,
                        null,
                        List.of());
                log.add(connection, entry);
                beforeCommit.run();
                pending.keep(connection::commit);
                say("applied in one transaction in " + seconds(applying) + ": " + describe(entry));
                return entry;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Each table's content checksum as the target holds it before this catch-up: the newest passed catch-up's that
     * lists the table, else the copy's. None for any table once rows were set aside or changed by the orphan
     * policy (the target then is not the copy's rows), nor after a catch-up that did not pass.
     */
    private java.util.function.Function<String, Optional<Checksum>> checksumsBefore(
            Connection connection, List<CatchUpLog.Entry> earlier) throws SQLException {
        QuarantineTable quarantine = new QuarantineTable(job.repositorySchema(), job.name(), run.runId());
        boolean setAside = !quarantine.countsByTable(connection).isEmpty()
                || !quarantine.orphanCounts(connection).isEmpty()
                || job.onBadRow() == BadRowPolicy.QUARANTINE;
        Map<String, Optional<Checksum>> sums = new LinkedHashMap<>();
        if (setAside) {
            return table -> Optional.empty();
        }
        for (CatchUpLog.Entry entry : earlier) {
            for (CatchUpLog.TableChanges t : entry.tables()) {
                sums.put(t.table(), entry.passed() ? t.checksum() : Optional.empty());
            }
        }
        return table ->
                sums.containsKey(table) ? sums.get(table) : run.copiedChecksum().apply(table);
    }

    private Result validate(
            CopyPlan plan,
            HeldSnapshot base,
            SourceSnapshot snapshot,
            CatchUpLog.Entry entry,
            Optional<CatchUpLog.Entry> last)
            throws Exception {
        long validating = System.nanoTime();
        String schema = job.target().schema();
        TargetDatabase database = new TargetDatabase(target, schema);
        Map<String, Long> highWater = new LinkedHashMap<>();
        try (SqliteSource source = SqliteSource.open(snapshot.file())) {
            Map<String, Long> marks = source.sequenceHighWaterMarks();
            for (TableCopy copy : plan.copies()) {
                Long mark = marks.get(copy.source().name());
                if (mark != null) {
                    highWater.put(copy.targetTable(), mark);
                }
            }
        }
        new Sequences(database).advance(highWater);
        Set<String> toCheck = new LinkedHashSet<>();
        entry.tables().forEach(t -> toCheck.add(t.table()));
        // A catch-up that stopped before its verdict, or failed it, has its tables checked again.
        last.filter(e -> !e.passed()).ifPresent(e -> e.tables().forEach(t -> toCheck.add(t.table())));
        List<String> problems = new ArrayList<>();
        List<ContentCheckResult> results = new ArrayList<>();
        int byChecksum = 0;
        Optional<QuarantineTable> quarantine = job.onBadRow() == BadRowPolicy.QUARANTINE
                ? Optional.of(new QuarantineTable(job.repositorySchema(), job.name(), run.runId()))
                : Optional.empty();
        try (ContentCheck check = new ContentCheck(target, snapshot.file(), options.parallelism(), quarantine)) {
            Map<String, Optional<Checksum>> expected = new LinkedHashMap<>();
            entry.tables().forEach(t -> expected.put(t.table(), t.checksum()));
            for (TableCopy copy : plan.copies()) {
                if (toCheck.contains(copy.targetTable())) {
                    // By the checksum kept through the copy and every catch-up when there is one (every stored
                    // row read back, no second read of the source); row by row otherwise, or on a mismatch.
                    ContentCheck.Compared compared = check.check(
                            copy,
                            options.fullCheck()
                                    ? Optional.empty()
                                    : expected.getOrDefault(copy.targetTable(), Optional.empty()));
                    ContentCheckResult result = compared.result();
                    if (compared.byText()) {
                        byChecksum++;
                    }
                    results.add(result);
                    ContentCheck.problem(result).ifPresent(problems::add);
                }
            }
        }
        problems.addAll(rowCounts(plan, snapshot, database, quarantine));
        boolean sourceWritten = !SourceStamp.of(job.source().path()).equals(snapshot.stamp());
        if (sourceWritten && !options.live()) {
            problems.add("the source " + job.source().path() + " was written to after this catch-up's snapshot:"
                    + " the target lacks those writes. Stop the application (nothing may write to the source),"
                    + " then run catch-up again; it takes only what changed since this one.");
        }
        String verdict = problems.isEmpty() ? "PASS" : "FAIL";
        try (Connection connection = target.getConnection()) {
            log.judge(connection, entry.instanceId(), entry.number(), verdict, problems);
        }
        CatchUpLog.Entry judged = new CatchUpLog.Entry(
                entry.instanceId(),
                entry.number(),
                entry.jobName(),
                entry.started(),
                entry.applied(),
                entry.snapshot(),
                entry.snapshotSha256(),
                entry.sourcePath(),
                entry.sourceStamp(),
                entry.baseSha256(),
                entry.runFolder(),
                entry.tables(),
                verdict,
                problems);
        // The new snapshot is the base now; the older one is no one's.
        if (!base.file().equals(snapshot.file())) {
            SourceSnapshot.delete(base.file());
        }
        List<CatchUpLog.Entry> history;
        try (Connection connection = target.getConnection()) {
            history = log.of(connection, entry.instanceId());
        }
        CatchUpReport.write(job, run.describe(), history, results, Duration.between(began, Instant.now()), runFolder);
        say("validated in " + seconds(validating) + ": " + results.size() + " changed table(s) in full ("
                + byChecksum
                + " by the checksum kept since the copy, every stored row read back) and every table's row count: "
                + verdict
                + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        return new Result(problems.isEmpty() ? Outcome.PASS : Outcome.FAIL, judged, runFolder, sourceWritten);
    }

    /** Every copied table's rows in the target against the new snapshot's, less the rows set aside. */
    private List<String> rowCounts(
            CopyPlan plan, SourceSnapshot snapshot, TargetDatabase database, Optional<QuarantineTable> quarantine)
            throws SQLException {
        Map<String, Long> setAside = Map.of();
        if (quarantine.isPresent()) {
            try (Connection connection = target.getConnection()) {
                setAside = quarantine.get().countsByTable(connection);
            }
        }
        List<String> problems = new ArrayList<>();
        try (SqliteSource source = SqliteSource.open(snapshot.file())) {
            for (TableCopy copy : plan.copies()) {
                long expected = source.rowCount(copy.source().name()) - setAside.getOrDefault(copy.targetTable(), 0L);
                long actual = database.rowCount(copy.targetTable());
                if (expected != actual) {
                    problems.add("table " + copy.targetTable() + ": " + actual + " rows in the target, " + expected
                            + " expected from the source");
                }
            }
        }
        return problems;
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private void say(String line) {
        out.println("[catch-up] " + line);
        out.flush();
    }

    /** The table's diff when catch-up can apply its changes: a source key the target has as a key; else empty. */
    private static Optional<TableDiff> diffable(Connection connection, String schema, TableCopy copy)
            throws SQLException {
        Optional<TableDiff> diff = TableDiff.of(copy);
        return diff.isPresent() && TargetChanges.addressable(connection, schema, copy) ? diff : Optional.empty();
    }

    /**
     * The copied tables a catch-up could not apply a change to, for {@code cutover --live} to name up front: the
     * operator learns it before the freeze, not during it.
     */
    public static List<String> notCatchable(JobDefinition job, Path snapshot, DataSource target) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = target.getConnection()) {
            for (TableCopy copy : plan(job, snapshot, connection).copies()) {
                if (diffable(connection, job.target().schema(), copy).isEmpty()) {
                    names.add(copy.source().name());
                }
            }
        }
        return names;
    }

    /** The copy's own plan, of the snapshot's tables into the target's: what the cutover planned for the same file. */
    private static CopyPlan plan(JobDefinition job, Path snapshot, Connection target) throws SQLException {
        String schema = job.target().schema();
        try (SqliteSource source = SqliteSource.open(snapshot)) {
            return CopyPlan.build(
                    source.tables(),
                    new PostgresCatalog(target).tables(schema),
                    schema,
                    job.mapping(),
                    job.conversions(),
                    CopyPlan.Unmapped.REFUSE);
        }
    }

    /** "+3 ~5 -2 rows in orders, alerts" style, in words. */
    static String describe(CatchUpLog.Entry entry) {
        return String.format(
                java.util.Locale.ROOT,
                "%,d inserted, %,d updated, %,d deleted, %,d refused in %d table(s)%s",
                entry.inserted(),
                entry.updated(),
                entry.deleted(),
                entry.refused(),
                entry.tables().size(),
                entry.tables().isEmpty()
                        ? ""
                        : " ("
                                + entry.tables().stream()
                                        .map(t -> t.table() + " +" + t.inserted() + " ~" + t.updated() + " -"
                                                + t.deleted())
                                        .collect(Collectors.joining(", "))
                                + ")");
    }

    private static <T> T result(Future<T> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
