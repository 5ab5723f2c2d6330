package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.plan.NameMapper;
import dev.lite2pg.postgres.PostgresCatalog;
import dev.lite2pg.sqlite.IntegrityCheck;
import dev.lite2pg.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Refuses to start on a damaged source, or on a target whose existing tables the job copies into already hold rows
 * (tables the job does not copy into are the target's own and never looked at).
 */
final class PreflightTasklet implements Tasklet {

    private final CutoverRun run;

    PreflightTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        IntegrityCheck check = run.job.source().integrityCheck();
        List<SourceTable> sourceTables;
        try (SqliteSource source = SqliteSource.open(run.sourceFile)) {
            List<String> problems = source.integrityProblems(check);
            if (!problems.isEmpty()) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "source " + run.sourceFile + " fails PRAGMA " + check.pragma() + ": "
                                + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
            }
            sourceTables = source.tables();
        }
        run.say("preflight", "source " + run.sourceFile + ": " + check.pragma() + " ok, opened read-only");
        if (run.target.schemaExists()) {
            // The tables the job would copy into that exist already, before any migration runs: rows there refuse the
            // run before anything is written. The precheck step checks again once the migrations have run.
            List<TargetTable> targetTables;
            try (Connection connection = run.dataSource.getConnection()) {
                targetTables = new PostgresCatalog(connection).tables(run.target.schema());
            }
            Map<String, String> copied = new LinkedHashMap<>();
            NameMapper.map(sourceTables, targetTables, run.job.mapping())
                    .tables()
                    .forEach(t -> copied.put(t.target().name(), t.source().name()));
            Set<String> replaced = new HashSet<>(run.job.schema().replaceRows());
            replaced.retainAll(copied.keySet()); // one a migration still has to create is judged by the precheck step
            FilledTables.sort(run.target.tablesWithRows(), copied, replaced, run.target.schema());
        }
        return RepeatStatus.FINISHED;
    }
}
