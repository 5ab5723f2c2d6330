package dev.lite2pg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code lite2pg cutover --job FILE} in a JVM of its own, built from this JVM's java and class path, so a test can
 * kill it as an operator's machine would (SIGKILL: no shutdown hook, no finally block runs) and read its console.
 */
final class ChildCutover implements AutoCloseable {

    private final Process process;
    private final Lines out;
    private final Lines err;
    private final long startedNanos = System.nanoTime();

    private ChildCutover(Process process) {
        this.process = process;
        this.out = new Lines(process.getInputStream(), "stdout");
        this.err = new Lines(process.getErrorStream(), "stderr");
    }

    static ChildCutover start(Path jobFile, Path workingDirectory, Map<String, String> environment) throws IOException {
        return start("cutover", jobFile, workingDirectory, environment);
    }

    /** @param lite2pgCommand {@code cutover} or {@code dry-run} */
    static ChildCutover start(
            String lite2pgCommand, Path jobFile, Path workingDirectory, Map<String, String> environment)
            throws IOException {
        return start(
                lite2pgCommand,
                jobFile,
                workingDirectory,
                environment,
                System.getProperty("java.class.path"),
                List.of());
    }

    /** @param jvmOptions e.g. a fault point's system property */
    static ChildCutover start(
            String lite2pgCommand,
            Path jobFile,
            Path workingDirectory,
            Map<String, String> environment,
            List<String> jvmOptions)
            throws IOException {
        return start(
                lite2pgCommand,
                jobFile,
                workingDirectory,
                environment,
                System.getProperty("java.class.path"),
                jvmOptions);
    }

    /**
     * As an operator runs the shipped jar: this JVM's class path without the test classes (and so without anything
     * they register), with the given JVM options.
     */
    static ChildCutover startShipped(
            Path jobFile, Path workingDirectory, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        List<String> entries =
                new ArrayList<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        if (!entries.removeIf(
                entry -> Path.of(entry).toAbsolutePath().toString().equals(testClasses))) {
            throw new IllegalStateException(testClasses + " is not on the class path " + entries);
        }
        return start(
                "cutover",
                jobFile,
                workingDirectory,
                environment,
                String.join(java.io.File.pathSeparator, entries),
                jvmOptions);
    }

    private static ChildCutover start(
            String lite2pgCommand,
            Path jobFile,
            Path workingDirectory,
            Map<String, String> environment,
            String classPath,
            List<String> jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add("dev.lite2pg.cli.Main");
        command.add(lite2pgCommand);
        command.add("--job");
        command.add(jobFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("LITE2PG_TARGET_PASSWORD");
        builder.environment().remove("PGPASSWORD");
        builder.environment().putAll(environment);
        return new ChildCutover(builder.start());
    }

    /** Waits for a stdout line; returns it, or fails if the process ends (or the time runs out) first. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        String line = out.await(wanted, timeout);
        if (line == null) {
            throw new AssertionError("the child never printed the awaited line within " + timeout + " (alive: "
                    + process.isAlive() + ")\n" + all());
        }
        return line;
    }

    /** Milliseconds since the process was started until the first stdout line that matches, or -1. */
    long millisAtLine(Predicate<String> wanted) {
        return out.nanosAt(wanted) < 0 ? -1 : (out.nanosAt(wanted) - startedNanos) / 1_000_000;
    }

    long millisSinceStart() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL on Linux; returns once the process is gone and its console is read to the end. Through the process
     * handle, because {@link Process#destroyForcibly()} also closes the pipes and loses what the child printed last.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
        out.join();
        err.join();
    }

    /**
     * SIGTERM on Linux, as {@code kill PID}, a service manager or Ctrl-C's SIGINT would stop it: shutdown hooks run.
     * Returns the exit code once the process is gone and its console is read to the end.
     */
    int terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    /** SIGINT, what Ctrl-C in the operator's terminal sends; returns the exit code once the process is gone. */
    int interrupt(Duration timeout) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed");
        }
        return awaitExit(timeout);
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionError("the child cutover did not end within " + timeout + "\n" + all());
        }
        out.join();
        err.join();
        return process.exitValue();
    }

    String out() {
        return out.text();
    }

    String err() {
        return err.text();
    }

    String all() {
        return "--- child stdout ---\n" + out() + "--- child stderr ---\n" + err();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** One console stream read line by line on its own thread, each line stamped with when it arrived. */
    private static final class Lines {

        private final List<String> lines = new ArrayList<>();
        private final List<Long> arrivals = new ArrayList<>();
        private final Thread reader;
        private boolean ended;

        Lines(InputStream stream, String name) {
            reader = new Thread(() -> read(stream), "child-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream stream) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    long now = System.nanoTime();
                    synchronized (this) {
                        lines.add(line);
                        arrivals.add(now);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                synchronized (this) {
                    lines.add("(console unreadable: " + e + ")");
                    arrivals.add(System.nanoTime());
                }
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        synchronized String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return null;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized long nanosAt(Predicate<String> wanted) {
            for (int i = 0; i < lines.size(); i++) {
                if (wanted.test(lines.get(i))) {
                    return arrivals.get(i);
                }
            }
            return -1;
        }

        synchronized String text() {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l).append('\n'));
            return text.toString();
        }

        void join() throws InterruptedException {
            reader.join(10_000);
        }
    }
}
