package dev.lite2pg.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lite2pg on the built jar: it extracts the jar into a private cache folder, records a class-data-sharing
 * archive on the first status (never on a cutover: the dump adds to its peak memory) and uses it afterwards, keeps
 * standard output
 * lite2pg's, and runs the jar as it is when the cache folder is writable by others.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "lite2pg").toAbsolutePath();
    private static final Path JAR = Path.of("target", "lite2pg.jar").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void extractsOnceRecordsTheArchiveOnARealCommandAndUsesItAfterwards() throws Exception {
        Path cache = work.resolve("cache");

        Result version = run(cache, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("lite2pg ");
        Path folder = onlyFolder(cache);
        assertThat(folder.resolve("lite2pg.jar")).isRegularFile();
        assertThat(folder.resolve("lib")).isDirectory();
        assertThat(folder.resolve("lite2pg.jsa")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Result cutover =
                run(cache, "cutover", "--job", work.resolve("missing.yml").toString());
        assertThat(cutover.exit()).as(cutover.err()).isEqualTo(2);
        assertThat(folder.resolve("lite2pg.jsa"))
                .as("not recorded by a cutover")
                .doesNotExist();

        // A status that fails (no such job file) still ends its JVM normally, and the archive is written then.
        Result status =
                run(cache, "status", "--job", work.resolve("missing.yml").toString());
        assertThat(status.exit()).as(status.err()).isEqualTo(2);
        assertThat(folder.resolve("lite2pg.jsa")).isRegularFile();

        // Options of the operator's own (a profiler, an agent) run without the archive: JDK 17 crashed when Flight
        // Recorder met an archived class. -XX:+PrintCommandLineFlags shows which archive the JVM was given.
        Result own = run(cache, Map.of("LITE2PG_JAVA_OPTS", "-Xmx256m -XX:+PrintCommandLineFlags"), "--version");
        assertThat(own.exit()).as(own.err()).isZero();
        assertThat(own.out()).contains("-XX:MaxHeapSize=").doesNotContain("SharedArchiveFile");
        Result defaults = run(cache, Map.of("LITE2PG_JAVA_OPTS", ""), "--version");
        assertThat(defaults.exit()).as(defaults.err()).isZero();

        Result help = run(cache, "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: lite2pg").doesNotContain("[warning]");
        assertThat(help.err()).isEmpty();
        assertThat(onlyFolder(cache)).isEqualTo(folder);
    }

    @Test
    void aCacheFolderOthersCanWriteToIsNotUsed() throws Exception {
        Path cache = Files.createDirectory(work.resolve("shared"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

        Result version = run(cache, "--version");

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("lite2pg ");
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries).isEmpty();
        }
    }

    private static Path onlyFolder(Path cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            List<Path> folders = entries.filter(Files::isDirectory).toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    private record Result(int exit, String out, String err) {}

    private Result run(Path cache, String... args) throws Exception {
        return run(cache, Map.of(), args);
    }

    private Result run(Path cache, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LITE2PG_CACHE", cache.toString());
        builder.environment().put("LITE2PG_JAR", JAR.toString());
        builder.environment().putAll(environment);
        builder.environment()
                .put(
                        "PATH",
                        Path.of(System.getProperty("java.home"), "bin") + ":"
                                + builder.environment().get("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("bin/lite2pg ended")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
