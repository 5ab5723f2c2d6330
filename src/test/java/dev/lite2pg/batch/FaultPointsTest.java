package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fault hook is a test's alone: what the jar ships (target/classes) holds no implementation of it and nothing that
 * reads {@code lite2pg.fault}, while the test class path does register one (RestartIT and StatusIT use it).
 */
class FaultPointsTest {

    @Test
    void theShippedClassesNeitherReadTheFaultPropertyNorRegisterFaultPoints() throws Exception {
        Path shipped = Path.of(FaultPoints.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(shipped)
                .as("the main classes, not a test folder")
                .isDirectory()
                .endsWith(Path.of("target", "classes"));
        byte[] property = PropertyFaultPoints.PROPERTY.getBytes(StandardCharsets.UTF_8);
        List<Path> readers;
        try (Stream<Path> files = Files.walk(shipped)) {
            readers = files.filter(Files::isRegularFile)
                    .filter(f -> contains(read(f), property))
                    .toList();
        }
        assertThat(readers).isEmpty();
        assertThat(shipped.resolve("META-INF/services/" + FaultPoints.class.getName()))
                .doesNotExist();
    }

    @Test
    void theTestClassPathRegistersThePropertyDrivenFaultPoints() {
        assertThat(FaultPoints.installed()).get().isInstanceOf(PropertyFaultPoints.class);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
