package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.Datasets;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema a team really brings: Chinook with its upstream PostgreSQL schema, every name renamed, into a mixed-case
 * schema. The application's writes between the live cutover and the catch-up touch a composite key, a
 * self-referencing key, unicode text, numerics and dates; the caught-up target must equal a one-phase cutover of
 * the final file in every table (compared row for row in PostgreSQL, both ways).
 */
@ExtendWith(TestDatabaseExtension.class)
class DatasetCatchUpIT {

    @TempDir
    Path work;

    @Test
    void chinookWrittenToAfterALiveCutoverIsCaughtUpToWhatAOnePhaseCutoverCopies(TestDatabase db) throws Exception {
        Path dataset = Datasets.require("chinook");
        Path shared = dataset.resolve("source.sqlite");
        String sharedBefore = SourceFingerprint.sha256(shared);
        Path source = work.resolve("chinook.sqlite");
        Files.copy(shared, source);
        Path job = job("chinook", source, db, "Chinook Target", dataset);
        CliRun live = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--live");
        assertThat(live.exitCode()).as(live.all()).isZero();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("INSERT INTO Customer (CustomerId, FirstName, LastName, Email, SupportRepId, Country)"
                    + " VALUES (1000, 'Zoë', 'Øster', 'zoe@example.com', 3, 'Ísland')");
            st.execute("INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, Total)"
                    + " VALUES (1000, 1000, '2024-02-29 00:00:00', 1.98)");
            st.execute("INSERT INTO InvoiceLine (InvoiceLineId, InvoiceId, TrackId, UnitPrice, Quantity)"
                    + " VALUES (10000, 1000, 1, 0.99, 2)");
            st.execute("UPDATE Track SET Name = 'Sehnsucht 🎵 — ünïcødé', UnitPrice = 1.29 WHERE TrackId = 2");
            st.execute(
                    "UPDATE Invoice SET Total = Total + 0.01, InvoiceDate = '2013-12-31 23:59:59' WHERE InvoiceId = 5");
            st.execute("DELETE FROM InvoiceLine WHERE InvoiceLineId = 7");
            st.execute("DELETE FROM PlaylistTrack WHERE PlaylistId = 1 AND TrackId = 3402");
            st.execute("INSERT INTO Playlist (PlaylistId, Name) VALUES (100, 'Catch-up')");
            st.execute("INSERT INTO PlaylistTrack (PlaylistId, TrackId) VALUES (100, 1), (100, 2)");
            st.execute("UPDATE Employee SET ReportsTo = 1 WHERE EmployeeId = 8");
            c.commit();
        }
        CliRun catchUp = CliRun.of(db.environment(), "catch-up", "--job", job.toString());
        assertThat(catchUp.exitCode()).as(catchUp.all()).isZero();
        assertThat(catchUp.out()).contains("catch-up 1 applied, validation PASS");

        Path reference = job("reference", source, db, "Chinook Reference", dataset);
        CliRun once = CliRun.of(db.environment(), "cutover", "--job", reference.toString());
        assertThat(once.exitCode()).as(once.all()).isZero();
        List<List<String>> tables = db.rows("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'Chinook Target' AND table_type = 'BASE TABLE'"
                + " AND table_name <> 'flyway_schema_history' ORDER BY 1");
        assertThat(tables).hasSizeGreaterThanOrEqualTo(11);
        for (List<String> row : tables) {
            String table = "\"" + row.get(0) + "\"";
            for (String[] pair : List.of(
                    new String[] {"\"Chinook Target\"", "\"Chinook Reference\""},
                    new String[] {"\"Chinook Reference\"", "\"Chinook Target\""})) {
                assertThat(db.rows("SELECT * FROM " + pair[0] + "." + table + " EXCEPT ALL SELECT * FROM " + pair[1]
                                + "." + table))
                        .as("rows of %s.%s that %s lacks", pair[0], table, pair[1])
                        .isEmpty();
            }
        }
        assertThat(SourceFingerprint.sha256(shared))
                .as("the shared dataset is never written")
                .isEqualTo(sharedBefore);
    }

    private Path job(String name, Path source, TestDatabase db, String schema, Path dataset) {
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(dataset.resolve("postgres-schema"))
                .extra("repository-schema: " + name + "_repo\n")
                .chunkSize(1000)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }
}
