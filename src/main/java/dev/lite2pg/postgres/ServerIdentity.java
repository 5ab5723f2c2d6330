package dev.lite2pg.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Which database a connection reached, as the server names it rather than as the URL spells it: {@code 127.0.0.1},
 * {@code localhost} and a DNS name of one server are one database, and must be one target for the run lock and for
 * finding a job's runs.
 */
public final class ServerIdentity {

    private ServerIdentity() {}

    /**
     * The cluster's system identifier (unique per {@code initdb}, kept by its physical replicas), its port and the
     * database's name. {@code pg_control_system()} is executable by everyone by default; where a hardened server
     * revoked it, the server's own address (as it sees this session) stands in for the system identifier: still the
     * same for every spelling of the host that reaches the same network interface.
     */
    public static String of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement st = connection.createStatement()) {
            String server;
            // Asked first, not tried: a refused call would abort a transaction the pool's connection may be in.
            if (bool(st, "SELECT has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')")) {
                server = "cluster " + text(st, "SELECT system_identifier::text FROM pg_catalog.pg_control_system()");
            } else {
                String address = text(st, "SELECT host(inet_server_addr())");
                server = "server " + (address == null ? "local socket" : address);
            }
            return server + " port " + text(st, "SELECT current_setting('port')") + " database "
                    + text(st, "SELECT current_database()");
        }
    }

    private static boolean bool(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
