package dev.lite2pg.cli;

import dev.lite2pg.batch.FailureMessage;
import dev.lite2pg.batch.ReadOnlyTarget;
import dev.lite2pg.batch.RunHistory;
import dev.lite2pg.batch.RunHistory.CatchUpSummary;
import dev.lite2pg.batch.RunHistory.ExecutionSummary;
import dev.lite2pg.batch.RunHistory.History;
import dev.lite2pg.batch.RunHistory.RunSummary;
import dev.lite2pg.batch.RunHistory.TableCopied;
import dev.lite2pg.batch.TargetIdentity;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "status",
        header = "Shows every run of the job into its target and what each left.",
        mixinStandardHelpOptions = true,
        description = {
            "Shows every run of the job into its target, newest first, as the job repository in the target records it:"
                    + " the state now (RUNNING while a process holds the job's run lock, DIED when a run is marked"
                    + " running but no process holds it, FAILED, COMPLETED, ABANDONED, or NONE), each execution with its"
                    + " times and status, the step a failed run stopped in (or a running one is in) and its error, where"
                    + " its log and reports are, per table the rows committed against the source table's rows"
                    + " (NOT_STARTED for a table not reached), and the snapshot file (a copy of the source) a run that can"
                    + " still resume keeps, or that it is gone; under a completed run each catch-up (when applied,"
                    + " rows inserted, updated, deleted and refused, its verdict or 'not validated') and the next step"
                    + " (catch-up after cutover --live). Read-only: one READ ONLY session, no Spring; on a target"
                    + " never cut over to it says so and creates nothing.",
            "Password: LITE2PG_TARGET_PASSWORD, else a password in LITE2PG_TARGET_URL, else PGPASSWORD (never on the"
                    + " command line)."
        },
        footer = {
            "",
            "Exit codes: 0 the job repository was read, or the target has none (state NONE, no runs), 1 the target"
                    + " cannot be reached, 2 bad usage or job file."
        })
final class StatusCommand implements Callable<Integer> {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int SHORT_SHA = 12;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Lite2pgCommand parent;

    @Mixin
    JobOptions jobOptions = new JobOptions();

    @Option(
            names = "--json",
            description = "Print one JSON document instead: job, target, state, note, and the runs (live, next)"
                    + " with their executions (status, stoppedIn, error, runFolder, verdict), tables (copied, total,"
                    + " status) and catchUps (number, applied, inserted, updated, deleted, refused, verdict,"
                    + " problems).")
    boolean json;

    @Override
    public Integer call() {
        JobDefinition job = jobOptions.loadWithTarget("status");
        History history = read(job, TargetCredentials.fromEnvironment(parent.environment));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(history));
        } else {
            out.print(render(history));
        }
        out.flush();
        return ErrorCode.SUCCESS;
    }

    /** Over one read-only session, without Spring: status never writes, and creates no job repository. */
    private static History read(JobDefinition job, TargetCredentials credentials) {
        ConsoleLogging.off();
        try (ReadOnlyTarget target = ReadOnlyTarget.connect(job, credentials)) {
            TargetIdentity identity = target.identity();
            if (!target.hasRepository()) {
                return RunHistory.none(job, identity, false);
            }
            return RunHistory.read(target.repository(), target.session(), job, identity, target.runLockHeld(identity));
        } catch (Exception e) {
            // A refusal found inside (a context lite2pg will not decode) keeps its exit code; anything else is a
            // failure.
            throw new Lite2pgException(
                    ExitCodes.codeOf(java.util.List.of(e)),
                    "cannot read the job repository in " + job.target().redactedUrl()
                            + " as " + job.target().user() + " (schema " + job.repositorySchema() + "): "
                            + FailureMessage.of(e),
                    e);
        }
    }

    static String render(History history) {
        StringBuilder text = new StringBuilder();
        if (history.runs().isEmpty()) {
            text.append(history.note()).append(": ").append(history.target()).append('\n');
            return text.toString();
        }
        int count = history.runs().size();
        text.append("job ")
                .append(history.job())
                .append(" into ")
                .append(history.target())
                .append(": ")
                .append(count)
                .append(count == 1 ? " run" : " runs")
                .append(", newest first; now ")
                .append(history.state())
                .append('\n');
        for (RunSummary run : history.runs()) {
            text.append('\n')
                    .append("run ")
                    .append(run.instanceId())
                    .append("  source sha256 ")
                    .append(shortSha(run.sourceSha256()))
                    .append("  ")
                    .append(run.status())
                    .append('\n');
            List<List<String>> executions = new ArrayList<>();
            executions.add(List.of("execution", "started", "ended", "status", "stopped in", "error"));
            for (ExecutionSummary e : run.executions()) {
                String detail = e.error() != null ? e.error() : e.note() != null ? e.note() : "";
                if (e.error() != null && e.note() != null) {
                    detail = e.note() + "; " + e.error();
                }
                executions.add(List.of(
                        String.valueOf(e.id()),
                        time(e.started()),
                        time(e.ended()),
                        e.status(),
                        e.stoppedIn() == null ? "" : e.stoppedIn(),
                        detail));
            }
            table(text, executions);
            ExecutionSummary newest = run.executions().get(0);
            if (newest.runFolder() != null) {
                text.append("  log and reports of execution ")
                        .append(newest.id())
                        .append(": ")
                        .append(newest.runFolder())
                        .append(newest.verdict() == null ? "" : " (verdict " + newest.verdict() + ")")
                        .append('\n');
            }
            if (run.snapshot() != null) {
                text.append(
                        run.snapshotExists()
                                ? "  snapshot " + run.snapshot()
                                        + ": a copy of the source, kept for the resume; deleted when the run"
                                        + " completes or cutover --fresh abandons it\n"
                                : "  snapshot " + run.snapshot()
                                        + " is gone: the run cannot resume; start over with cutover --fresh\n");
            }
            if (run.tables().isEmpty()) {
                text.append("  no table copied yet: the run stopped before the copy step\n");
            } else {
                List<List<String>> tables = new ArrayList<>();
                tables.add(List.of("table", "from", "copied", "total", "status"));
                for (TableCopied t : run.tables()) {
                    tables.add(List.of(
                            t.table(),
                            t.sourceTable(),
                            String.valueOf(t.copied()),
                            String.valueOf(t.total()),
                            t.status()));
                }
                text.append('\n');
                table(text, tables, 2, 3);
            }
            catchUps(text, run);
        }
        return text.toString();
    }

    /** One line per catch-up of a completed run, then what to do next with it. */
    private static void catchUps(StringBuilder text, RunSummary run) {
        if (!run.catchUps().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("catch-up", "applied", "inserted", "updated", "deleted", "refused", "verdict"));
            for (CatchUpSummary c : run.catchUps()) {
                rows.add(List.of(
                        String.valueOf(c.number()),
                        time(c.applied()),
                        String.valueOf(c.inserted()),
                        String.valueOf(c.updated()),
                        String.valueOf(c.deleted()),
                        String.valueOf(c.refused()),
                        c.verdict() == null ? "not validated" : c.verdict()));
            }
            text.append('\n');
            table(text, rows, 2, 3, 4, 5);
        }
        if (run.next() != null) {
            text.append('\n').append("  ").append(run.next()).append('\n');
        }
    }

    private static String shortSha(String sha256) {
        return sha256 == null ? "?" : sha256.substring(0, Math.min(SHORT_SHA, sha256.length()));
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : time.format(TIME);
    }

    /** Rows as aligned columns, two spaces apart and indented; the given columns are right-aligned numbers. */
    private static void table(StringBuilder text, List<List<String>> rows, int... rightAligned) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                boolean right = false;
                for (int r : rightAligned) {
                    right |= r == c;
                }
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(right ? pad + cell : cell + (c == columns - 1 ? "" : pad));
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
