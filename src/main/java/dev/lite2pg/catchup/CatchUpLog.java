package dev.lite2pg.catchup;

import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.postgres.PgSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catch-ups of each cutover run, in the job repository's schema next to Spring Batch's tables: a catch-up's row is
 * inserted in the transaction that applies its changes, so the target holds a catch-up's changes exactly when its row
 * is there, and its snapshot is then the base of the next one. The verdict is set afterwards, by the validation.
 */
public final class CatchUpLog {

    public static final String NAME = "catch_up";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "job_instance_id, number, job_name, started_at, applied_at, snapshot,"
            + " snapshot_sha256, source_path, source_stamp, base_sha256, run_folder, tables, verdict, problems";

    /**
     * One catch-up as recorded.
     *
     * @param number 1 for the run's first catch-up
     * @param snapshotSha256 its snapshot's, which the next catch-up diffs against
     * @param sourceStamp the live source's {@link dev.lite2pg.source.SourceStamp} when its snapshot was taken
     * @param baseSha256 the snapshot it diffed against: the run's, or the previous catch-up's
     * @param verdict PASS or FAIL once validated; null when it stopped between its commit and its validation
     */
    public record Entry(
            long instanceId,
            int number,
            String jobName,
            Instant started,
            Instant applied,
            String snapshot,
            String snapshotSha256,
            String sourcePath,
            String sourceStamp,
            String baseSha256,
            String runFolder,
            List<TableChanges> tables,
            String verdict,
            List<String> problems) {

        public Entry {
            tables = List.copyOf(tables);
            problems = List.copyOf(problems);
        }

        public long inserted() {
            return tables.stream().mapToLong(TableChanges::inserted).sum();
        }

        public long updated() {
            return tables.stream().mapToLong(TableChanges::updated).sum();
        }

        public long deleted() {
            return tables.stream().mapToLong(TableChanges::deleted).sum();
        }

        public long refused() {
            return tables.stream().mapToLong(TableChanges::refused).sum();
        }

        public boolean passed() {
            return "PASS".equals(verdict);
        }
    }

    /**
     * What one catch-up did to one table, as PostgreSQL counted it.
     *
     * @param refused changed rows with a value the target refuses (set aside under on-bad-row: quarantine)
     * @param rows the table's rows in the target after the catch-up
     * @param checksumRows with {@code checksumSum}, the content checksum ({@link dev.lite2pg.checksum.RowHash}) the
     *     table must have after the catch-up, kept from the copy on through each catch-up; null when not kept (a
     *     column without a canonical form, rows set aside), and the table is then compared row by row
     */
    public record TableChanges(
            String table,
            long inserted,
            long updated,
            long deleted,
            long refused,
            long rows,
            Long checksumRows,
            Long checksumSum) {

        public Optional<Checksum> checksum() {
            return checksumRows == null || checksumSum == null
                    ? Optional.empty()
                    : Optional.of(new Checksum(checksumRows, checksumSum));
        }
    }

    private final String table;

    public CatchUpLog(String repositorySchema) {
        this.table = PgSql.qualified(repositorySchema, NAME);
    }

    /** Idempotent: with the rest of the job repository, and again by a catch-up into a target cut over before it. */
    public static void ensure(Statement st, String repositorySchema) throws SQLException {
        st.execute("CREATE TABLE IF NOT EXISTS " + PgSql.qualified(repositorySchema, NAME) + " ("
                + "job_instance_id bigint NOT NULL, number integer NOT NULL, job_name text NOT NULL,"
                + " started_at timestamptz NOT NULL, applied_at timestamptz NOT NULL, snapshot text NOT NULL,"
                + " snapshot_sha256 text NOT NULL, source_path text NOT NULL, source_stamp text NOT NULL,"
                + " base_sha256 text NOT NULL, run_folder text NOT NULL, tables json NOT NULL, verdict text,"
                + " problems json NOT NULL DEFAULT '[]', PRIMARY KEY (job_instance_id, number))");
    }

    /** Whether the table is there: a target cut over before catch-up existed has none, and a read-only reader makes none. */
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The run's catch-ups, oldest first; none when the table is not there. */
    public List<Entry> of(Connection connection, long instanceId) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        if (!exists(connection)) {
            return entries;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + table + " WHERE job_instance_id = ? ORDER BY number")) {
            ps.setLong(1, instanceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            JSON.readValue(rs.getString(12), new TypeReference<List<TableChanges>>() {}),
                            rs.getString(13),
                            JSON.readValue(rs.getString(14), new TypeReference<List<String>>() {})));
                }
            }
        }
        return entries;
    }

    /** Records an applied catch-up in the caller's transaction, the one that applied its changes. */
    public void add(Connection connection, Entry entry) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?::json)")) {
            ps.setLong(1, entry.instanceId());
            ps.setInt(2, entry.number());
            ps.setString(3, entry.jobName());
            ps.setTimestamp(4, Timestamp.from(entry.started()));
            ps.setTimestamp(5, Timestamp.from(entry.applied()));
            ps.setString(6, entry.snapshot());
            ps.setString(7, entry.snapshotSha256());
            ps.setString(8, entry.sourcePath());
            ps.setString(9, entry.sourceStamp());
            ps.setString(10, entry.baseSha256());
            ps.setString(11, entry.runFolder());
            ps.setString(12, JSON.writeValueAsString(entry.tables()));
            ps.setString(13, entry.verdict());
            ps.setString(14, JSON.writeValueAsString(entry.problems()));
            ps.executeUpdate();
        }
    }

    /** The validation's verdict on a recorded catch-up. */
    public void judge(Connection connection, long instanceId, int number, String verdict, List<String> problems)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + table + " SET verdict = ?, problems = ?::json WHERE job_instance_id = ? AND number = ?")) {
            ps.setString(1, verdict);
            ps.setString(2, JSON.writeValueAsString(problems));
            ps.setLong(3, instanceId);
            ps.setInt(4, number);
            ps.executeUpdate();
        }
    }
}
