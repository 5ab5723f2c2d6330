package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TargetFingerprint;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run stopped at a chosen point, then the same command again: the target must end exactly as after a clean run
 * (every table's rows and md5, every sequence's next value), so no row was lost or written twice.
 */
@ExtendWith(TestDatabaseExtension.class)
class RestartIT {

    private static final String FAULT = PropertyFaultPoints.PROPERTY;

    @TempDir
    static Path work;

    private static Path source;
    private static Map<String, String> clean;

    @BeforeAll
    static void cleanRun(TestDatabase db) throws Exception {
        source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        CliRun run = CliRun.of(
                db.environment(), "cutover", "--job", jobFile(db, "clean").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "deferred until after the copy .*: 8 foreign key\\(s\\), including the cycle .*; [1-9]\\d* secondary index\\(es\\)")
                .containsPattern("\\[constraints] [1-9]\\d* secondary index\\(es\\) built")
                .contains("[constraints] 8 foreign key(s) re-added and validated");
        clean = TargetFingerprint.withIndexes(db, "demo");
        assertThat(clean)
                .containsKeys(
                        "customer",
                        "order_line",
                        "sequence demo.customer_customer_id_seq",
                        "index order_customer_id_idx");
        assertThat(clean.get("index order_customer_id_idx"))
                .as("rebuilt exactly as the migration made it")
                .isEqualTo("CREATE INDEX order_customer_id_idx ON demo.\"order\" USING btree (customer_id)");
    }

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "chunk:customer:1", // the first chunk of the first table
                "chunk:customer:9", // a middle chunk
                "chunk:customer:17", // the last (partial) chunk of a table: 117 rows in chunks of 7
                "chunk:order_line:3", // a WITHOUT ROWID table paged by its composite key
                "step:copy:store", // between two tables, after the cycle's foreign keys were dropped
                "step:constraints", // before the dropped foreign keys are added back
                "step:sequences",
                "step:validate",
                "step:report"
            })
    void aRunStoppedAtAFaultResumesToExactlyTheCleanResult(String fault, TestDatabase db) throws Exception {
        Path job = jobFile(db, fault.replace(':', '_'));
        System.setProperty(FAULT, fault);
        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("injected fault").contains("re-run the same command");

        CliRun resumed = CliRun.of(db.environment(), "cutover", "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        if (fault.equals("chunk:customer:9")) {
            assertThat(resumed.out()).contains("customer: 56 of 117 rows already copied, resuming");
        }
        if (fault.startsWith("step:copy:")
                || fault.startsWith("step:c")
                || fault.startsWith("step:s")
                || fault.startsWith("step:v")) {
            assertThat(resumed.out()).as("finished tables are not copied again").doesNotContain("customer: 117 rows");
        }
        assertThat(TargetFingerprint.withIndexes(db, "demo")).isEqualTo(clean);
        assertThat(foreignKeysValidated(db))
                .as("every foreign key present and validated")
                .isEqualTo(cleanForeignKeys());
    }

    /**
     * The fault hook is the tests' own: a cutover run as the shipped jar runs (no test classes) ignores the property
     * that fails a step under test, however it is given (here on the command line, as LITE2PG_JAVA_OPTS or
     * JAVA_TOOL_OPTIONS would put it), and ends as the clean run does.
     */
    @Test
    void theShippedClassesIgnoreTheFaultProperty(TestDatabase db) throws Exception {
        try (ChildCutover child = ChildCutover.startShipped(
                jobFile(db, "shipped"), work, db.environment(), List.of("-D" + FAULT + "=step:validate"))) {
            int exit = child.awaitExit(Duration.ofMinutes(3));
            assertThat(exit).as(child.all()).isZero();
            assertThat(child.all()).doesNotContain("injected fault").contains("[validate]");
            assertThat(TargetFingerprint.withIndexes(db, "demo")).isEqualTo(clean);
        }
    }

    private static long cleanForeignKeys() {
        return 8;
    }

    private static long foreignKeysValidated(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace"
                                + " WHERE n.nspname = 'demo' AND con.contype = 'f' AND con.convalidated")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path jobFile(TestDatabase db, String name) throws Exception {
        return JobFile.demo(source, db)
                .chunkSize(7)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }
}
