package dev.lite2pg.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.source.SourceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path work;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void newFoldersAndFilesAreTheOwnersOnly() throws Exception {
        Path file = work.resolve("a").resolve("b").resolve("report.md");

        PrivateFiles.writeString(file, "rows");

        assertThat(Files.readString(file)).isEqualTo("rows");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(file.getParent().getParent())).isEqualTo("rwx------");
    }

    @Test
    void aFileOrFolderLeftReadableByAnOlderRunIsTightenedBeforeItIsWritten() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path folder = Files.createDirectories(
                work.resolve("job"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = Files.writeString(folder.resolve("lite2pg.log"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.writeString(file, "new");

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(work)).as("a parent that was there is the operator's").isEqualTo("rwxr-xr-x");
    }

    @Test
    void theSnapshotOfASourceIsTheOwnersOnly() throws Exception {
        Path source = work.resolve("source.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (secret TEXT)");
            st.execute("INSERT INTO t VALUES ('x')");
        }

        SourceSnapshot snapshot =
                SourceSnapshot.take(source, work.resolve("runs").resolve("job").resolve("snapshot-1.sqlite"));

        assertThat(mode(snapshot.file())).isEqualTo("rw-------");
        assertThat(mode(snapshot.file().getParent())).isEqualTo("rwx------");
        assertThat(mode(work.resolve("runs"))).isEqualTo("rwx------");
    }
}
