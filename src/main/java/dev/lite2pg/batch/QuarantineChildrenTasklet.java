package dev.lite2pg.batch;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.quarantine.QuarantinedRow.Origin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Resolves every copied row whose parent row is not in the target, until none is left: children of quarantined rows,
 * their children in turn, and references the source itself left dangling. The job's {@code orphans} policy says how:
 * quarantine (also under on-bad-row: quarantine with orphans: fail, for children of rows set aside), delete, or
 * set-null; every row is recorded in the quarantine table with its values before the change. Runs while the foreign
 * keys are still deferred, in one transaction, and finds nothing to do when run again.
 */
final class QuarantineChildrenTasklet implements Tasklet {

    private final CutoverRun run;

    QuarantineChildrenTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        if (!run.mode.handlesOrphansAfterCopy()) {
            return RepeatStatus.FINISHED;
        }
        List<TargetForeignKey> keys = ForeignKeyDeferral.deferred(chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getExecutionContext());
        Connection connection = DataSourceUtils.getConnection(run.dataSource);
        Map<Origin, Map<String, Integer>> moved = new EnumMap<>(Origin.class);
        int movedThisPass;
        do {
            movedThisPass = 0;
            for (TargetForeignKey key : keys) {
                Optional<TableCopy> child = copy(key.table());
                if (child.isEmpty()) {
                    continue;
                }
                // Each key its own policy (orphans.foreign-keys), the others the job's default.
                Origin origin = switch (run.mode.orphans().policyFor(key)) {
                    case FAIL, QUARANTINE -> Origin.PARENT;
                    case DELETE -> Origin.DELETED;
                    case SET_NULL -> Origin.SET_NULL;
                };
                int n = run.quarantine.resolveOrphans(
                        connection,
                        run.target.schema(),
                        key,
                        child.get().source().name(),
                        child.get().targetKeyColumns(),
                        namesInRowData(key),
                        origin);
                if (n > 0) {
                    moved.computeIfAbsent(origin, o -> new LinkedHashMap<>())
                            .merge(key.table() + " (" + key.name() + ")", n, Integer::sum);
                    movedThisPass += n;
                }
            }
        } while (movedThisPass > 0);
        moved.forEach((origin, counts) -> {
            List<String> parts = new ArrayList<>();
            counts.forEach((k, n) -> parts.add(n + " from " + k));
            String done = switch (origin) {
                case DELETED -> "deleted (orphans: delete)";
                case SET_NULL -> "set to NULL (orphans: set-null)";
                default -> "moved";
            };
            run.say(
                    "quarantine",
                    "rows whose parent row is not in the target " + done + ", each recorded in "
                            + run.quarantine.qualifiedName() + ": " + String.join(", ", parts));
        });
        return RepeatStatus.FINISHED;
    }

    /** A refused parent's JSON holds its source columns; a parent moved out of the target holds its target columns. */
    private List<String> namesInRowData(TargetForeignKey key) {
        Optional<TableCopy> parent = copy(key.referencedTable());
        List<String> names = new ArrayList<>();
        for (String referenced : key.referencedColumns()) {
            int index = parent.map(p -> p.targetColumns().indexOf(referenced)).orElse(-1);
            names.add(index >= 0 ? parent.get().sourceColumns().get(index) : referenced);
        }
        return names;
    }

    private Optional<TableCopy> copy(String targetTable) {
        return run.plan.built().copies().stream()
                .filter(c -> c.targetTable().equals(targetTable))
                .findFirst();
    }
}
