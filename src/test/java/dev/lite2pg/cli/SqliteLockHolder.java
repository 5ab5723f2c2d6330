package dev.lite2pg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding a SQLite file under {@code BEGIN EXCLUSIVE} in rollback-journal mode, as an application in
 * the middle of a write transaction does: started in a JVM of its own from this JVM's java and class path, it prints
 * {@code locked} once it holds the lock and lets go when its standard input closes.
 */
final class SqliteLockHolder implements AutoCloseable {

    private final Process process;

    private SqliteLockHolder(Process process) {
        this.process = process;
    }

    static SqliteLockHolder lock(Path file) throws Exception {
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SqliteLockHolder.class.getName(),
                        file.toString()))
                .redirectErrorStream(true)
                .start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new AssertionError("the lock holder did not take the lock: " + line);
        }
        return new SqliteLockHolder(process);
    }

    long pid() {
        return process.pid();
    }

    /** Ends the transaction (the process exits) and waits until the lock is gone. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("BEGIN EXCLUSIVE");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
            st.execute("ROLLBACK");
        }
    }
}
