package dev.lite2pg.cli;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command: the demo, into a given server and into its own embedded PostgreSQL. */
class DemoIT {

    @TempDir
    Path work;

    private Path demoJob() throws Exception {
        Path job = work.resolve("demo.yml");
        Files.writeString(job, Files.readString(Path.of("jobs/demo.yml"))
                .replace("target/demo/demo.sqlite", work.resolve("demo.sqlite").toString())
                .replace("\"filesystem:sql/demo\"", "\"filesystem:" + Path.of("sql/demo").toAbsolutePath() + "\"")
                + "output: \"" + work.resolve("runs") + "\"\n");
        return job;
    }

    @Test
    void theDemoCopiesTheBikeShopIntoAGivenTargetAndPasses() throws Exception {
        try (TestDatabase db = TestPostgres.createDatabase()) {
            CliRun run = CliRun.of(db.environment(), "demo", "--job", demoJob().toString(), "--target-url", db.url());
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("validation PASS").contains("report.md");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM demo.customer), (SELECT count(*) FROM demo.\"order\"),"
                        + " (SELECT count(*) FROM demo.order_line), nextval('demo.customer_customer_id_seq')");
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(117);
                assertThat(rs.getLong(2)).isEqualTo(150);
                assertThat(rs.getLong(3)).isEqualTo(375);
                assertThat(rs.getLong(4)).as("past sqlite_sequence's 120, not max(id) 117").isEqualTo(121);
            }
        }
    }

    @Test
    void withoutATargetTheDemoStartsItsOwnEmbeddedPostgresql() throws Exception {
        CliRun run = CliRun.of(Map.of(), "demo", "--job", demoJob().toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("embedded PostgreSQL").contains("validation PASS");
        try (var reports = Files.walk(work.resolve("runs"))) {
            assertThat(reports.filter(p -> p.getFileName().toString().equals("report.json"))).hasSize(1);
        }
    }
}
