package dev.lite2pg.target.postgres;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a dry-run found in its target before it started, and how to leave the target as it found it: a schema the
 * dry-run created is dropped, a schema that held nothing is cleaned of what the migrations created, and in a schema
 * that already held the (empty) application tables only their rows go. The job repository loses the dry-run's own
 * records, or the whole repository schema when the dry-run created it.
 *
 * @param schemaExisted the target schema was there
 * @param schemaHadRelations it held tables, views or sequences
 * @param repositoryExisted the job repository schema was there
 */
public record StagingArea(String schema, String repositorySchema, boolean schemaExisted, boolean schemaHadRelations,
                          boolean repositoryExisted) {

    private static final String[] REPOSITORY_TABLES_CHILD_FIRST = {"BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION"};

    public static StagingArea inspect(DataSource dataSource, String schema, String repositorySchema) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new StagingArea(schema, repositorySchema, schemaExists(c, schema), hasRelations(c, schema),
                    schemaExists(c, repositorySchema));
        }
    }

    /**
     * A completed cutover of {@code jobName} recorded in this database's job repository, described; empty when there is
     * none. A dry-run refuses such a target: it holds production data now.
     */
    public Optional<String> finishedCutover(DataSource dataSource, String jobName) throws SQLException {
        if (!repositoryExisted) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT i.job_instance_id, e.end_time FROM "
                     + PgSql.qualified(repositorySchema, "batch_job_instance") + " i JOIN "
                     + PgSql.qualified(repositorySchema, "batch_job_execution") + " e ON e.job_instance_id = i.job_instance_id"
                     + " WHERE i.job_name = ? AND e.status = 'COMPLETED' ORDER BY e.end_time DESC LIMIT 1")) {
            ps.setString(1, jobName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of("run " + rs.getLong(1) + " of job " + jobName + " completed " + rs.getTimestamp(2))
                        : Optional.empty();
            }
        }
    }

    /** @return what was removed, one line each */
    public List<String> leaveAsFound(DataSource dataSource, String dryRunJob) throws SQLException {
        List<String> done = new ArrayList<>();
        if (!schemaExisted) {
            execute(dataSource, "DROP SCHEMA IF EXISTS " + PgSql.quote(schema) + " CASCADE");
            done.add("dropped schema " + schema + ", which the dry-run created");
        } else if (!schemaHadRelations) {
            Flyway.configure().dataSource(dataSource).schemas(schema).cleanDisabled(false).load().clean();
            done.add("removed every object the migrations created in schema " + schema + " (Flyway clean; it held none before)");
        }
        if (!repositoryExisted) {
            execute(dataSource, "DROP SCHEMA IF EXISTS " + PgSql.quote(repositorySchema) + " CASCADE");
            done.add("dropped the job repository schema " + repositorySchema + ", which the dry-run created");
        } else {
            deleteJob(dataSource, dryRunJob);
            done.add("deleted job " + dryRunJob + " from the job repository and its rows from the quarantine");
        }
        return done;
    }

    private void deleteJob(DataSource dataSource, String job) throws SQLException {
        String instances = "SELECT job_instance_id FROM " + PgSql.qualified(repositorySchema, "batch_job_instance") + " WHERE job_name = ?";
        String executions = "SELECT job_execution_id FROM " + PgSql.qualified(repositorySchema, "batch_job_execution")
                + " WHERE job_instance_id IN (" + instances + ")";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> statements = new ArrayList<>();
            statements.add("DELETE FROM " + PgSql.qualified(repositorySchema, "batch_step_execution_context")
                    + " WHERE step_execution_id IN (SELECT step_execution_id FROM " + PgSql.qualified(repositorySchema, "batch_step_execution")
                    + " WHERE job_execution_id IN (" + executions + "))");
            for (String table : REPOSITORY_TABLES_CHILD_FIRST) {
                if (!table.equals("BATCH_STEP_EXECUTION_CONTEXT")) {
                    statements.add("DELETE FROM " + PgSql.qualified(repositorySchema, table.toLowerCase(java.util.Locale.ROOT))
                            + " WHERE job_execution_id IN (" + executions + ")");
                }
            }
            statements.add("DELETE FROM " + PgSql.qualified(repositorySchema, "batch_job_instance") + " WHERE job_name = ?");
            statements.add("DELETE FROM " + PgSql.qualified(repositorySchema, QuarantineTable.NAME) + " WHERE job_name = ?");
            for (String sql : statements) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, job);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasRelations(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace"
                + " WHERE nspname = ?) LIMIT 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
