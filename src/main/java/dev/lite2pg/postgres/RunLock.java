package dev.lite2pg.postgres;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock held for a whole run, so a second process on the same job and target is refused
 * before it touches anything. PostgreSQL releases it when the holding session ends, however the process died, so
 * a run that holds it knows that no other live process is working on the job.
 */
public final class RunLock implements AutoCloseable {

    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    public static RunLock acquire(DataSource dataSource, String jobName, String target) {
        int key = key(jobName, target);
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.close();
                        throw new Lite2pgException(
                                ErrorCode.PRECONDITION,
                                "another lite2pg process is running job " + jobName + " into " + target
                                        + " right now; nothing was touched. Wait for it to end.");
                    }
                }
            }
            return new RunLock(connection);
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED, "cannot take the run lock on the target: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a session holds the run lock of the job and target right now: a run marked running whose lock nobody
     * holds belongs to a process that died. Read from {@code pg_locks}, never by trying the lock, which would make a
     * cutover starting at that moment see it taken and refuse.
     */
    public static boolean isHeld(Connection connection, String jobName, String target) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks"
                + " WHERE locktype = 'advisory' AND granted AND objsubid = 2"
                + " AND classid = (?::int4)::oid AND objid = (?::int4)::oid"
                + " AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, key(jobName, target));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static final int NAMESPACE = 0x6c327067; // "l2pg": keeps our keys apart from the application's own locks

    private static int key(String jobName, String target) {
        CRC32 crc = new CRC32();
        crc.update((jobName + "\u0000" + target).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public void close() {
        try {
            connection.close(); // ending the session releases the lock; the pool's connection is returned clean
        } catch (SQLException ignored) {
            // the session is gone either way, and with it the lock
        }
    }
}
