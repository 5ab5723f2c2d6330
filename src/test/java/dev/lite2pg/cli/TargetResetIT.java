package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runbooks/restart-after-failure.md says about putting the target back for the next attempt by dropping and
 * re-creating the schema: the job repository still remembers the earlier run, so the next attempt is
 * {@code cutover --fresh}, and it copies everything into the re-created schema.
 */
@ExtendWith(TestDatabaseExtension.class)
class TargetResetIT {

    private TestDatabase db;

    @TempDir
    Path work;

    @Test
    void afterTheSchemaIsDroppedAndRecreatedFreshCopiesEverythingAgain() throws Exception {
        Path source = work.resolve("shop.sqlite");
        Path migrations = work.resolve("sql");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__schema.sql"), "CREATE TABLE t (id integer PRIMARY KEY, v text);\n");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        }
        Path job = JobFile.named("shop")
                .source(source)
                .target(db)
                .schema("app")
                .migrations(migrations)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("shop.yml"));
        CliRun first = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();

        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA app CASCADE");
            st.execute("CREATE SCHEMA app");
        }
        CliRun fresh = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--fresh", "--yes");

        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out())
                .contains("no table to empty")
                .contains("1 migration(s) applied, schema app at version 1")
                .contains("validation PASS");
        assertThat(db.rows("SELECT count(*) FROM app.t")).containsExactly(List.of("2"));
    }
}
