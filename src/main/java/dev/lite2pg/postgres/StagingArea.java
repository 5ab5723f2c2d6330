package dev.lite2pg.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * What a dry-run found in its target before it started, and how to leave the target as it found it: a schema the
 * dry-run created is dropped, a schema that held nothing is cleaned of what the migrations created, and in a schema
 * that already held the (empty) application tables only their rows go. The job repository loses the dry-run's own
 * records, or the whole repository schema when the dry-run created it. Nothing is dropped on the strength of what was
 * seen at the start alone: just before, the target is checked again (a cutover may have started meanwhile, on another
 * schema or by a process that took no lock), and whatever holds more than the dry-run's own work is left alone.
 *
 * @param schemaExisted the target schema was there
 * @param schemaHadRelations it held tables, views or sequences
 * @param repositoryExisted the job repository schema was there
 * @param inspectedAt the server's {@code localtimestamp} when the target was inspected, as text: migrations recorded
 *     before it are not the dry-run's
 */
public record StagingArea(
        String schema,
        String repositorySchema,
        boolean schemaExisted,
        boolean schemaHadRelations,
        boolean repositoryExisted,
        String inspectedAt) {

    private static final String[] REPOSITORY_TABLES_CHILD_FIRST = {
        "BATCH_STEP_EXECUTION_CONTEXT",
        "BATCH_STEP_EXECUTION",
        "BATCH_JOB_EXECUTION_CONTEXT",
        "BATCH_JOB_EXECUTION_PARAMS",
        "BATCH_JOB_EXECUTION"
    };

    public static StagingArea inspect(DataSource dataSource, String schema, String repositorySchema)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new StagingArea(
                    schema,
                    repositorySchema,
                    schemaExists(c, schema),
                    hasRelations(c, schema),
                    schemaExists(c, repositorySchema),
                    serverTime(c));
        }
    }

    /**
     * Any run of {@code jobName} recorded in this database's job repository (running, failed, completed or abandoned),
     * described; empty when there is none. A dry-run refuses such a target: it is, or was, a cutover's.
     */
    public Optional<String> cutoverRun(DataSource dataSource, String jobName) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return cutoverRun(c, repositorySchema, jobName);
        }
    }

    private static Optional<String> cutoverRun(Connection c, String repositorySchema, String jobName)
            throws SQLException {
        if (!hasTable(c, repositorySchema, "batch_job_instance")) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT i.job_instance_id, e.status, coalesce(e.end_time, e.start_time, e.create_time),"
                        + " (SELECT count(*) FROM " + PgSql.qualified(repositorySchema, "batch_job_instance")
                        + " WHERE job_name = ?) FROM "
                        + PgSql.qualified(repositorySchema, "batch_job_instance") + " i LEFT JOIN "
                        + PgSql.qualified(repositorySchema, "batch_job_execution")
                        + " e ON e.job_instance_id = i.job_instance_id"
                        + " WHERE i.job_name = ? ORDER BY e.job_execution_id DESC NULLS LAST LIMIT 1")) {
            ps.setString(1, jobName);
            ps.setString(2, jobName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String status =
                        rs.getString(2) == null ? "with no execution" : rs.getString(2) + " " + rs.getTimestamp(3);
                return Optional.of(rs.getLong(4) + " run(s) of job " + jobName + ", the newest run " + rs.getLong(1)
                        + " " + status);
            }
        }
    }

    /**
     * What a clean-up removed, and what it found that was not the dry-run's and so left in place, one line each.
     */
    public record Cleanup(List<String> done, List<String> left) {}

    public Cleanup leaveAsFound(DataSource dataSource, String dryRunJob, String cutoverJob) throws SQLException {
        List<String> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Optional<String> cutover;
        Optional<String> foreignSchema;
        List<String> otherJobs;
        try (Connection c = dataSource.getConnection()) {
            cutover = cutoverRun(c, repositorySchema, cutoverJob);
            foreignSchema = schemaExisted && schemaHadRelations ? Optional.empty() : notTheDryRuns(c);
            otherJobs = repositoryExisted ? List.of() : otherJobs(c, dryRunJob);
        }
        String keep = " Check it and drop it yourself if it is the dry-run's.";
        if (cutover.isPresent()) {
            left.add("the target now holds " + cutover.get() + " (it started after the dry-run looked): nothing of the"
                    + " target's schemas was dropped or cleaned; only the dry-run's own records go");
        } else if (foreignSchema.isPresent()) {
            left.add("schema " + schema + " was NOT " + (schemaExisted ? "cleaned" : "dropped") + ": "
                    + foreignSchema.get() + "." + keep);
        } else if (!schemaExisted) {
            execute(dataSource, "DROP SCHEMA IF EXISTS " + PgSql.quote(schema) + " CASCADE");
            done.add("dropped schema " + schema + ", which the dry-run created");
        } else if (!schemaHadRelations) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .cleanDisabled(false)
                    .load()
                    .clean();
            done.add("removed every object the migrations created in schema " + schema
                    + " (Flyway clean; it held none before)");
        }
        if (!repositoryExisted && cutover.isEmpty() && otherJobs.isEmpty()) {
            execute(dataSource, "DROP SCHEMA IF EXISTS " + PgSql.quote(repositorySchema) + " CASCADE");
            done.add("dropped the job repository schema " + repositorySchema + ", which the dry-run created");
        } else if (hasRepository(dataSource)) {
            deleteJob(dataSource, dryRunJob);
            done.add("deleted job " + dryRunJob + " from the job repository and its rows from the quarantine");
            if (!repositoryExisted) {
                left.add("the job repository schema " + repositorySchema + " was NOT dropped: it now holds "
                        + cutover.orElse("runs of " + String.join(", ", otherJobs))
                        + ", which the dry-run did not make");
            }
        }
        return new Cleanup(done, left);
    }

    /**
     * Why the target schema, empty or missing when the dry-run looked, holds more than the dry-run's migrations made;
     * empty when it holds nothing else: no relations, or a Flyway history every entry of which the dry-run recorded.
     */
    private Optional<String> notTheDryRuns(Connection c) throws SQLException {
        if (!schemaExists(c, schema) || !hasRelations(c, schema)) {
            return Optional.empty();
        }
        if (!hasTable(c, schema, SchemaMigrator.HISTORY_TABLE)) {
            return Optional.of("it holds tables but no Flyway history, so they are not the dry-run's migrations'");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(installed_on)::text FROM "
                + PgSql.qualified(schema, SchemaMigrator.HISTORY_TABLE) + " WHERE installed_on < ?::timestamp")) {
            ps.setString(1, inspectedAt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0
                        ? Optional.empty()
                        : Optional.of(rs.getLong(1) + " of its migrations were applied" + " (from " + rs.getString(2)
                                + ") before the dry-run started (" + inspectedAt + ")");
            }
        }
    }

    private List<String> otherJobs(Connection c, String dryRunJob) throws SQLException {
        List<String> jobs = new ArrayList<>();
        if (!hasTable(c, repositorySchema, "batch_job_instance")) {
            return jobs;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT job_name FROM "
                + PgSql.qualified(repositorySchema, "batch_job_instance") + " WHERE job_name <> ? ORDER BY job_name")) {
            ps.setString(1, dryRunJob);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(rs.getString(1));
                }
            }
        }
        return jobs;
    }

    private boolean hasRepository(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return hasTable(c, repositorySchema, "batch_job_instance");
        }
    }

    private void deleteJob(DataSource dataSource, String job) throws SQLException {
        String instances = "SELECT job_instance_id FROM " + PgSql.qualified(repositorySchema, "batch_job_instance")
                + " WHERE job_name = ?";
        String executions = "SELECT job_execution_id FROM " + PgSql.qualified(repositorySchema, "batch_job_execution")
                + " WHERE job_instance_id IN (" + instances + ")";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> statements = new ArrayList<>();
            statements.add("DELETE FROM " + PgSql.qualified(repositorySchema, "batch_step_execution_context")
                    + " WHERE step_execution_id IN (SELECT step_execution_id FROM "
                    + PgSql.qualified(repositorySchema, "batch_step_execution")
                    + " WHERE job_execution_id IN (" + executions + "))");
            for (String table : REPOSITORY_TABLES_CHILD_FIRST) {
                if (!table.equals("BATCH_STEP_EXECUTION_CONTEXT")) {
                    statements.add(
                            "DELETE FROM " + PgSql.qualified(repositorySchema, table.toLowerCase(java.util.Locale.ROOT))
                                    + " WHERE job_execution_id IN (" + executions + ")");
                }
            }
            statements.add(
                    "DELETE FROM " + PgSql.qualified(repositorySchema, "batch_job_instance") + " WHERE job_name = ?");
            statements.add(
                    "DELETE FROM " + PgSql.qualified(repositorySchema, QuarantineTable.NAME) + " WHERE job_name = ?");
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
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace"
                        + " WHERE nspname = ?) LIMIT 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasTable(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, PgSql.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String serverTime(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT localtimestamp::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
