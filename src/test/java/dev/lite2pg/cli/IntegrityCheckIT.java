package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 part 6, through the real command line: {@code source.integrity-check: full} runs {@code PRAGMA
 * integrity_check}, which finds an index that does not match its table where the default {@code quick_check} does not.
 */
@ExtendWith(TestDatabaseExtension.class)
class IntegrityCheckIT {

    private TestDatabase db;
    private Path source;
    private Path migrations;

    @TempDir
    Path work;

    @BeforeEach
    void writeSourceWithAnIndexThatDoesNotMatchItsTable() throws Exception {
        source = work.resolve("shop.sqlite");
        migrations = work.resolve("sql");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__schema.sql"), "CREATE TABLE t (a integer, b integer);\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a INTEGER, b INTEGER)");
            st.execute("CREATE INDEX i ON t (a)");
            st.execute("INSERT INTO t VALUES (1, 10), (2, 20)");
            // The index now claims to be on b while it holds a's values: pages and records are sound (quick_check
            // passes), the index does not hold its table's rows (integrity_check fails).
            st.execute("PRAGMA writable_schema = ON");
            st.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX i ON t (b)' WHERE name = 'i'");
        }
    }

    @Test
    void quickCheckByDefaultIntegrityCheckWhenTheJobAsks() throws Exception {
        CliRun quick = CliRun.of(db.environment(), "check", "--job", job("").toString());

        assertThat(quick.exitCode()).as(quick.all()).isZero();
        assertThat(quick.out()).contains("quick_check ok, opened read-only");

        Path full = job("  integrity-check: full\n");
        CliRun check = CliRun.of(db.environment(), "check", "--job", full.toString());

        assertThat(check.exitCode()).as(check.all()).isEqualTo(2);
        assertThat(check.err())
                .contains("fails PRAGMA integrity_check, so its values cannot be trusted to read back:"
                        + " row 1 missing from index i; row 2 missing from index i");

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", full.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        assertThat(cutover.err()).contains("fails PRAGMA integrity_check: row 1 missing from index i");
        // Refused in preflight, before the schema step: not even the table was created.
        assertThat(db.rows("SELECT count(*) FROM pg_tables WHERE schemaname = 'app'"))
                .containsExactly(List.of("0"));
    }

    /** @param sourceExtra lines added under source: */
    private Path job(String sourceExtra) {
        String yaml = JobFile.named("shop")
                .source(source)
                .target(db)
                .schema("app")
                .migrations(migrations)
                .output(work.resolve("runs"))
                .yaml();
        yaml = yaml.replaceFirst("(source:\n  path: [^\n]*\n)", "$1" + sourceExtra.replace("$", "\\$"));
        try {
            return Files.writeString(work.resolve("shop" + sourceExtra.length() + ".yml"), yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
