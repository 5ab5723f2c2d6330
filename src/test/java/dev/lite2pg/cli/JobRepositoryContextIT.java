package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.ExecutionContextJsonTest;
import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * The job repository lives in the target, writable by whoever can write its schema: lite2pg stores job and step
 * contexts there as JSON, and reading them back (status, a resume) never deserializes a Java object stream, such as
 * one Spring Batch's default serializer wrote, or an attacker did.
 */
@ExtendWith(TestDatabaseExtension.class)
class JobRepositoryContextIT {

    private static final String FAULT = PropertyFaultPoints.PROPERTY;

    @TempDir
    Path work;

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    @Test
    void contextsAreStoredAsJsonAndAJavaSerializedOneIsRefusedByStatusAndCutoverWithoutBeingDecoded(TestDatabase db)
            throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        Path job = JobFile.demo(source, db)
                .chunkSize(7)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("demo.yml"));
        System.setProperty(FAULT, "chunk:customer:9");
        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "1");
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);

        List<List<String>> stored = db.rows("SELECT short_context FROM lite2pg.batch_step_execution_context"
                + " UNION ALL SELECT short_context FROM lite2pg.batch_job_execution_context");
        assertThat(stored).isNotEmpty().allSatisfy(row -> assertThat(row.get(0)).startsWith("{"));
        assertThat(
                        db.rows(
                                "SELECT short_context FROM lite2pg.batch_step_execution_context WHERE short_context LIKE '%source.rowsRead%'"))
                .as("a table's reader position, as JSON")
                .isNotEmpty();

        String payload = javaSerializedPayload();
        try (Connection c = db.connect();
                PreparedStatement steps = c.prepareStatement(
                        "UPDATE lite2pg.batch_step_execution_context SET short_context = ?, serialized_context = NULL");
                PreparedStatement jobs = c.prepareStatement(
                        "UPDATE lite2pg.batch_job_execution_context SET short_context = ?, serialized_context = NULL")) {
            steps.setString(1, payload);
            steps.executeUpdate();
            jobs.setString(1, payload);
            jobs.executeUpdate();
        }
        List<List<String>> customersBefore = db.rows("SELECT count(*) FROM demo.customer");

        for (String command : List.of("status", "cutover")) {
            ExecutionContextJsonTest.payloadInstantiated = false;
            CliRun run = CliRun.of(db.environment(), command, "--job", job.toString());
            assertThat(ExecutionContextJsonTest.payloadInstantiated)
                    .as(command + " deserialized the payload")
                    .isFalse();
            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err())
                    .as(command)
                    .contains("context in the job repository cannot be read")
                    .contains("written with Java serialization")
                    .contains("cutover --fresh");
        }
        assertThat(db.rows("SELECT count(*) FROM demo.customer"))
                .as("the refused cutover wrote nothing")
                .isEqualTo(customersBefore);
    }

    /** A context as Spring Batch's default serializer writes it (Base64 of an object stream) holding a gadget. */
    private static String javaSerializedPayload() throws Exception {
        Map<String, Object> context = new HashMap<>(Map.of("payload", new ExecutionContextJsonTest.Payload()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultExecutionContextSerializer().serialize(context, out);
        String text = out.toString(StandardCharsets.US_ASCII);
        assertThat(text).startsWith("rO0");
        return text;
    }
}
