package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL of check, dry-run and demo listens on localhost, where every local user can connect: only
 * this process, which made its password, may log in, and its binaries and data are in a folder no one else can enter.
 */
class EmbeddedScratchTargetIT {

    @Test
    void onlyTheRunsOwnPasswordLogsInAndItsBinariesAndDataAreInAFolderOnlyThisUserMayEnter() throws Exception {
        Path dataFolder;
        try (ScratchTarget embedded = ScratchTarget.embedded()) {
            assertThat(embedded.url()).doesNotContain("password");
            assertThat(embedded.credentials().password()).get().asString().hasSize(48);

            assertThatThrownBy(() -> connect(embedded.url(), null).close())
                    .as("no password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(embedded.url(), "postgres").close())
                    .as("a guessed password")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            // Every rule, the unix socket's (local) as well as TCP's (host), asks for the password.
            try (Connection c = embedded.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                assertThat(
                                value(
                                        st,
                                        "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules WHERE error IS NULL"))
                        .isEqualTo("scram-sha-256");
                dataFolder = Path.of(value(st, "SHOW data_directory"));
                assertThat(value(st, "SELECT current_user")).isEqualTo(ScratchTarget.EMBEDDED_USER);
            }

            Path folder = ScratchTarget.embeddedFolder();
            assertThat(dataFolder.getParent()).isEqualTo(folder);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataFolder)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("binaries"))))
                    .isEqualTo("rwx------");
            try (var binaries = Files.list(folder.resolve("binaries"))) {
                assertThat(binaries.filter(p -> p.getFileName().toString().startsWith("PG-")))
                        .as("binaries extracted here")
                        .isNotEmpty();
            }
            try (var inside = Files.list(folder)) {
                assertThat(inside.map(p -> p.getFileName().toString()))
                        .as("nothing else in the private folder")
                        .allMatch(name -> name.equals("binaries") || name.startsWith("data-"));
            }
        }
        assertThat(dataFolder).doesNotExist();
    }

    @Test
    void aFolderOthersMayWriteIntoIsRefusedNotUsed() throws Exception {
        Path parent = Files.createTempDirectory("lite2pg-private-folder-test");
        Path shared = parent.resolve("embedded-pg");
        Files.createDirectory(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            assertThatThrownBy(() -> ScratchTarget.embedded(shared))
                    .hasMessageContaining("cannot start an embedded PostgreSQL in " + shared)
                    .hasMessageContaining("may be entered by other users (rwxrwxrwx)")
                    .hasMessageContaining("--target-url");
            try (var inside = Files.list(shared)) {
                assertThat(inside).as("nothing extracted into it").isEmpty();
            }
        } finally {
            Files.delete(shared);
            Files.delete(parent);
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", ScratchTarget.EMBEDDED_USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
