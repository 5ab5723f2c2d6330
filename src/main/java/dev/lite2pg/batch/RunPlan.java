package dev.lite2pg.batch;

import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.postgres.PostgresCatalog;
import dev.lite2pg.sqlite.SqliteSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The run's one copy plan, built from the snapshot's tables and the migrated target schema by whichever step asks
 * first in this process: the precheck step on a run's first start, the plan step on a resume. Planning is deterministic
 * for a given source and target schema, so the plan is not kept across a restart: every start builds it again.
 */
final class RunPlan {

    private final JobDefinition job;
    private final Path sourceFile;
    private final DataSource dataSource;
    private CopyPlan plan;

    RunPlan(JobDefinition job, Path sourceFile, DataSource dataSource) {
        this.job = job;
        this.sourceFile = sourceFile;
        this.dataSource = dataSource;
    }

    /** The plan, built on the first call; a refusal listing every source name that maps to nothing. */
    synchronized CopyPlan get() throws SQLException {
        if (plan == null) {
            String schema = job.target().schema();
            List<TargetTable> targetTables;
            // Its own connection, committed at once: the catalog is read before any step's work, never inside it.
            try (Connection connection = dataSource.getConnection()) {
                targetTables = new PostgresCatalog(connection).tables(schema);
            }
            List<SourceTable> sourceTables;
            try (SqliteSource source = SqliteSource.open(sourceFile)) {
                sourceTables = source.tables();
            }
            plan = CopyPlan.build(
                    sourceTables, targetTables, schema, job.mapping(), job.conversions(), CopyPlan.Unmapped.REFUSE);
        }
        return plan;
    }

    /** The plan the plan step built on this start, for the steps after it. */
    synchronized CopyPlan built() {
        if (plan == null) {
            throw new IllegalStateException("no copy plan: the plan step has not run on this start");
        }
        return plan;
    }
}
