package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A dry-run's clean-up drops only what is still the dry-run's own: it looks again just before, instead of trusting
 * what it saw at the start.
 */
@ExtendWith(TestDatabaseExtension.class)
class StagingAreaIT {

    private TestDatabase db;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void createDatabase() {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
    }

    @Test
    void dropsTheSchemaAndRepositoryItCreatedWhenTheyHoldOnlyTheDryRunsWork() throws Exception {
        StagingArea before = StagingArea.inspect(dataSource, "staging", "lite2pg");
        dryRunsWork();

        StagingArea.Cleanup cleanup = before.leaveAsFound(dataSource, "shop.dry-run", "shop");

        assertThat(cleanup.left()).isEmpty();
        assertThat(cleanup.done())
                .anyMatch(line -> line.startsWith("dropped schema staging"))
                .anyMatch(line -> line.startsWith("dropped the job repository schema lite2pg"));
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname IN ('staging', 'lite2pg')"))
                .isEmpty();
    }

    @Test
    void keepsBothSchemasWhenACutoverOfTheJobWasRecordedMeanwhile() throws Exception {
        StagingArea before = StagingArea.inspect(dataSource, "staging", "lite2pg");
        dryRunsWork();
        execute(
                "INSERT INTO lite2pg.batch_job_instance VALUES (2, 0, 'shop', 'b')",
                "INSERT INTO staging.customer VALUES (1)");

        StagingArea.Cleanup cleanup = before.leaveAsFound(dataSource, "shop.dry-run", "shop");

        assertThat(cleanup.left())
                .anyMatch(line -> line.contains("1 run(s) of job shop")
                        && line.contains("nothing of the" + " target's schemas was dropped"));
        assertThat(db.rows("SELECT count(*) FROM staging.customer")).containsExactly(List.of("1"));
        assertThat(db.rows("SELECT job_name FROM lite2pg.batch_job_instance")).containsExactly(List.of("shop"));
    }

    @Test
    void keepsASchemaWhoseMigrationsWereAppliedBeforeTheDryRunLookedAndARepositoryHoldingOtherJobs() throws Exception {
        StagingArea before = StagingArea.inspect(dataSource, "staging", "lite2pg");
        dryRunsWork();
        execute(
                "UPDATE staging.flyway_schema_history SET installed_on = installed_on - interval '1 hour'",
                "INSERT INTO lite2pg.batch_job_instance VALUES (3, 0, 'billing', 'c')");

        StagingArea.Cleanup cleanup = before.leaveAsFound(dataSource, "shop.dry-run", "shop");

        assertThat(cleanup.left())
                .anyMatch(line -> line.startsWith("schema staging was NOT dropped")
                        && line.contains("before the dry-run started"))
                .anyMatch(line ->
                        line.contains("job repository schema lite2pg was NOT dropped") && line.contains("billing"));
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname IN ('staging', 'lite2pg') ORDER BY 1"))
                .containsExactly(List.of("lite2pg"), List.of("staging"));
        assertThat(db.rows("SELECT job_name FROM lite2pg.batch_job_instance")).containsExactly(List.of("billing"));
    }

    /** What a dry-run leaves before its clean-up: its migrated schema and its records in a new job repository. */
    private void dryRunsWork() throws SQLException {
        JobRepositorySchema.ensure(dataSource, "lite2pg");
        execute(
                "CREATE SCHEMA staging",
                "CREATE TABLE staging.flyway_schema_history (installed_rank int PRIMARY KEY, installed_on timestamp NOT NULL DEFAULT now())",
                "INSERT INTO staging.flyway_schema_history (installed_rank) VALUES (1)",
                "CREATE TABLE staging.customer (id int PRIMARY KEY)",
                "INSERT INTO lite2pg.batch_job_instance VALUES (1, 0, 'shop.dry-run', 'a')");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
