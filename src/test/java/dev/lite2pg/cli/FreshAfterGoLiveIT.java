package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.demo.DemoDatabase;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a completed cutover the application goes live on the target and writes to it: {@code cutover --fresh} must
 * not TRUNCATE those rows unannounced. It compares every table with what the run left and refuses while any changed,
 * unless {@code --discard-changes-since-cutover} says so.
 */
@ExtendWith(TestDatabaseExtension.class)
class FreshAfterGoLiveIT {

    private static final String LIVE = "After-Go-Live";

    @TempDir
    Path work;

    @Test
    void freshRefusesWhileTablesChangedSinceTheCutoverUnlessTheChangesAreDiscarded(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        String job = jobFile(source, db).toString();
        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        List<List<String>> copied = counts(db);
        assertThat(copied).containsExactly(List.of("117", "3"));

        // The application goes live: a new customer (the count changes), a store renamed (the count does not).
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO demo.customer (first_name, last_name, email, created_at)"
                    + " VALUES ('New', '" + LIVE + "', 'new@example.com', now())");
            assertThat(st.executeUpdate("UPDATE demo.store SET name = '" + LIVE
                            + "' WHERE store_id = (SELECT min(store_id) FROM demo.store)"))
                    .isEqualTo(1);
        }
        List<List<String>> live = counts(db);

        CliRun asked = CliRun.answering("yes\n", db.environment(), "cutover", "--job", job, "--fresh");
        assertThat(asked.exitCode()).as(asked.all()).isEqualTo(2);
        assertThat(asked.err())
                .contains("--fresh refused: 2 table(s) of run ")
                .contains("changed since it completed")
                .contains("customer (117 rows then, 118 now)")
                .containsPattern(
                        "store \\(3 rows then and now, content checksum [0-9a-f]{16} then, [0-9a-f]{16} now\\)")
                .contains("Nothing was changed")
                .contains("--discard-changes-since-cutover");
        assertThat(asked.out()).as("refused before asking").doesNotContain("Type yes");
        assertThat(counts(db)).isEqualTo(live);
        assertThat(liveRows(db)).as("the application's rows are still there").isEqualTo(2);

        CliRun yes = CliRun.of(db.environment(), "cutover", "--job", job, "--fresh", "--yes");
        assertThat(yes.exitCode())
                .as("--yes answers the question, it does not discard changes: " + yes.all())
                .isEqualTo(2);
        assertThat(yes.err()).contains("--fresh refused");
        assertThat(liveRows(db)).isEqualTo(2);

        CliRun plain = CliRun.of(db.environment(), "cutover", "--job", job, "--discard-changes-since-cutover");
        assertThat(plain.exitCode()).as(plain.all()).isEqualTo(2);
        assertThat(plain.err()).contains("--discard-changes-since-cutover only goes with --fresh");
        assertThat(liveRows(db)).isEqualTo(2);

        CliRun discard = CliRun.of(
                db.environment(), "cutover", "--job", job, "--fresh", "--yes", "--discard-changes-since-cutover");
        assertThat(discard.exitCode()).as(discard.all()).isZero();
        assertThat(discard.out())
                .contains("discarded what changed since it completed (--discard-changes-since-cutover): ")
                .contains("customer (117 rows then, 118 now)");
        assertThat(counts(db)).as("the source copied again").isEqualTo(copied);
        assertThat(liveRows(db)).isZero();
    }

    @Test
    void aWriteWhileTheOperatorAnswersStillRefusesTheFreshStart(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        String job = jobFile(source, db).toString();
        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();

        // Nothing changed when --fresh looks first; the application writes while the question waits for its answer.
        Reader answer = new Reader() {
            private final Reader yes = new StringReader("yes\n");
            private boolean written;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (!written) {
                    written = true;
                    try (Connection c = db.connect();
                            Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO demo.customer (first_name, last_name, email, created_at)"
                                + " VALUES ('New', '" + LIVE + "', 'new@example.com', now())");
                    } catch (java.sql.SQLException e) {
                        throw new IOException(e);
                    }
                }
                return yes.read(buffer, offset, length);
            }

            @Override
            public void close() {}
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                db.environment(),
                new BufferedReader(answer),
                "cutover",
                "--job",
                job,
                "--fresh");
        assertThat(code).as(out + "" + err).isEqualTo(2);
        assertThat(out.toString()).as("it asked: nothing had changed then").contains("Type yes");
        assertThat(err.toString())
                .contains("--fresh refused: 1 table(s) of run ")
                .contains("customer (117 rows then, 118 now)")
                .contains("Nothing was changed");
        assertThat(liveRows(db)).as("the row written meanwhile is still there").isEqualTo(1);
        assertThat(db.rows("SELECT status FROM lite2pg.batch_job_execution")).containsExactly(List.of("COMPLETED"));
    }

    @Test
    void aTableOfTheApplicationReferencingACopiedTableMakesFreshARefusalThatChangesNothing(TestDatabase db)
            throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        String job = jobFile(source, db).toString();
        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        List<List<String>> copied = counts(db);
        // After go-live the application adds a table of its own that references a copied one: TRUNCATE customer
        // must be refused by PostgreSQL, and --fresh must say so (exit 2), not fail on a closed connection.
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE demo.loyalty_card (id int PRIMARY KEY,"
                    + " customer_id int NOT NULL REFERENCES demo.customer (customer_id))");
            st.execute("INSERT INTO demo.loyalty_card SELECT 1, min(customer_id) FROM demo.customer");
        }

        CliRun fresh = CliRun.of(
                db.environment(), "cutover", "--job", job, "--fresh", "--yes", "--discard-changes-since-cutover");
        assertThat(fresh.exitCode()).as(fresh.all()).isEqualTo(2);
        assertThat(fresh.err())
                .contains("--fresh could not empty the tables of run ")
                .contains("cannot truncate a table referenced in a foreign key constraint")
                .contains("Nothing was changed")
                .doesNotContain("Connection is closed");
        assertThat(counts(db)).as("nothing was emptied").isEqualTo(copied);
        assertThat(db.rows("SELECT count(*) FROM demo.loyalty_card")).containsExactly(List.of("1"));
        assertThat(db.rows("SELECT status FROM lite2pg.batch_job_execution")).containsExactly(List.of("COMPLETED"));
    }

    @Test
    void aCompletedRunIsAlreadyCompletedOnlyWhileTheTargetHoldsWhatItLeft(TestDatabase db) throws Exception {
        Path source = work.resolve("demo.sqlite");
        DemoDatabase.create(source);
        String job = jobFile(source, db).toString();
        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        CliRun again = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("already completed").contains("nothing was written");

        // A row more than the run left: the application went live, or something else wrote. Not a PASS either way.
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO demo.customer (first_name, last_name, email, created_at)"
                    + " VALUES ('New', '" + LIVE + "', 'new@example.com', now())");
        }
        CliRun changed = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(changed.exitCode()).as(changed.all()).isEqualTo(3);
        assertThat(changed.err())
                .contains("no longer holds what run ")
                .contains("customer (117 rows then, 118 now)")
                .contains("Nothing was written");
        assertThat(changed.out()).doesNotContain("nothing to do");

        // The schema dropped and re-created by hand: the tables the run filled are gone.
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA demo CASCADE");
            st.execute("CREATE SCHEMA demo");
        }
        CliRun gone = CliRun.of(db.environment(), "cutover", "--job", job);
        assertThat(gone.exitCode()).as(gone.all()).isEqualTo(3);
        assertThat(gone.err())
                .contains("no longer holds what run ")
                .contains("customer (gone)")
                .contains("cutover --fresh");
        assertThat(db.rows("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'demo'"))
                .as("nothing was created")
                .containsExactly(List.of("0"));
    }

    private static List<List<String>> counts(TestDatabase db) throws Exception {
        return db.rows("SELECT (SELECT count(*) FROM demo.customer), (SELECT count(*) FROM demo.store)");
    }

    private static long liveRows(TestDatabase db) throws Exception {
        return Long.parseLong(db.rows("SELECT (SELECT count(*) FROM demo.customer WHERE last_name = '" + LIVE + "')"
                        + " + (SELECT count(*) FROM demo.store WHERE name = '" + LIVE + "')")
                .get(0)
                .get(0));
    }

    private Path jobFile(Path source, TestDatabase db) throws Exception {
        return JobFile.demo(source, db).output(work.resolve("runs")).writeTo(work.resolve("demo.yml"));
    }
}
