package dev.lite2pg.postgres;

import dev.lite2pg.jobfile.TargetCredentials;
import dev.lite2pg.jobfile.TargetSpec;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Whether the target answers, asked once before anything is written (before the snapshot, the run folder, Spring), and
 * why not in words an operator at 3 a.m. can act on: pgjdbc says only "The connection attempt failed." for an unknown
 * host.
 */
public final class TargetConnection {

    private TargetConnection() {}

    /**
     * Opens and closes one connection to the target.
     *
     * @throws Lite2pgException with {@link ErrorCode#JOB_FAILED} (exit 1: fix the cause, run the same command again)
     *     naming the host, the port and the reason
     */
    public static void check(TargetSpec target, TargetCredentials credentials) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(target.url());
        dataSource.setUser(target.user());
        credentials.password().ifPresent(dataSource::setPassword);
        try (Connection ignored = dataSource.getConnection()) {
            // Reached, and the login was accepted.
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED,
                    "cannot connect to the target " + target.redactedUrl() + " as " + target.user() + ": "
                            + reason(e).orElse(firstLine(e.getMessage()))
                            + ". Nothing was written and no snapshot was taken; the target comes from --target-url,"
                            + " else " + TargetCredentials.URL_VARIABLE + ", else the job file's target.url.",
                    e);
        }
    }

    /** Why a connection could not be opened, when the cause chain says: unknown host, refused, unreachable, timed out. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException unknown) {
                return Optional.of("unknown host '" + unknown.getMessage() + "' (no such name in DNS or /etc/hosts)");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Optional.of("connection to " + hostAndPort(failure) + " refused (is PostgreSQL running there,"
                        + " accepting TCP/IP connections on that port?)");
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of(
                        "no answer from " + hostAndPort(failure) + " (timed out): a firewall, or the wrong" + " host");
            }
        }
        return Optional.empty();
    }

    /** pgjdbc's own wording names host and port ("Connection to 127.0.0.1:5999 refused."); else "the server". */
    private static String hostAndPort(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Connection to (\\S+) refused")
                    .matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "the server";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
