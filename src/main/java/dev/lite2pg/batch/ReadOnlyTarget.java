package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.postgres.PgSql;
import dev.lite2pg.postgres.RunLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The job's target over one plain JDBC session that cannot write ({@code default_transaction_read_only}): what
 * {@code status} and the already-completed check of {@code cutover} read, without starting Spring's context (seconds
 * of a command that only reads a few rows) and without creating the job repository where there is none.
 */
public final class ReadOnlyTarget implements AutoCloseable {

    private final JobDefinition job;
    private final Connection connection;
    private final DataSource session;
    private final DataSource plain;
    private JobRepository repository;

    private ReadOnlyTarget(JobDefinition job, Connection connection, DataSource plain) {
        this.job = job;
        this.connection = connection;
        this.session = new SingleConnectionDataSource(connection, true);
        this.plain = plain;
    }

    public static ReadOnlyTarget connect(JobDefinition job, TargetCredentials credentials) throws SQLException {
        DataSource plain = plain(job, credentials);
        Connection connection = plain.getConnection();
        try (Statement st = connection.createStatement()) {
            // Every transaction of the session, the job repository's included, is READ ONLY: PostgreSQL itself
            // refuses any write or DDL.
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new ReadOnlyTarget(job, connection, plain);
    }

    /** The target without Spring's pool: a new connection each time, e.g. for a run lock held apart from this session. */
    static DataSource plain(JobDefinition job, TargetCredentials credentials) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(job.target().url());
        dataSource.setUser(job.target().user());
        credentials.password().ifPresent(dataSource::setPassword);
        return dataSource;
    }

    /** This read-only session as a data source; closing its connections leaves the session open. */
    public DataSource session() {
        return session;
    }

    /** A data source of new, ordinary sessions on the same target. */
    DataSource plain() {
        return plain;
    }

    public TargetIdentity identity() {
        return TargetIdentity.of(session, job);
    }

    /** Whether the job repository's tables exist: a target no run ever used has none, and none is created here. */
    public boolean hasRepository() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, PgSql.quote(job.repositorySchema()) + ".batch_job_instance");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether a process holds the job's run lock on this target now: a run marked running without it has died. */
    public boolean runLockHeld(TargetIdentity target) throws SQLException {
        return RunLock.isHeld(connection, job.name(), target.recorded());
    }

    /** Spring Batch's JDBC job repository on this session, as the one Boot builds for a run reads it. */
    public JobRepository repository() throws Exception {
        if (repository == null) {
            JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
            factory.setDataSource(session);
            factory.setTransactionManager(new DataSourceTransactionManager(session));
            factory.setDatabaseType("POSTGRES");
            factory.setTablePrefix(SpringTarget.tablePrefix(job));
            factory.setSerializer(ExecutionContextJson.create());
            factory.afterPropertiesSet();
            repository = factory.getObject();
        }
        return repository;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
