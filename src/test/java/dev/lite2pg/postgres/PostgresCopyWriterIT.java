package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.check.CopyRefusals;
import dev.lite2pg.check.ScanResult;
import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.ConverterResolver;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.copy.RowsRefusedException;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetType;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PostgresCopyWriter} on its own against the real test database, inside a Spring transaction as a chunk runs.
 * Under {@code on-bad-row: quarantine} a row PostgreSQL refuses mid-COPY (unique index on an expression, enum, CHECK)
 * is found by the COPY's line number, set aside in the quarantine table, and the rows before and after it are copied
 * again around it under a savepoint, so the rest of the chunk and the transaction's earlier work stay. Under
 * {@code on-bad-row: fail} the row is named by its key and the chunk writes nothing.
 */
@ExtendWith(TestDatabaseExtension.class)
class PostgresCopyWriterIT {

    private static final String REPOSITORY = "lite2pg";

    private TestDatabase db;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void schema() throws Exception {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA shop");
            st.execute("CREATE TYPE shop.mood AS ENUM ('happy', 'sad')");
            st.execute("CREATE TABLE shop.customer (id integer PRIMARY KEY, email text NOT NULL, mood shop.mood,"
                    + " age integer CONSTRAINT customer_age_check CHECK (age >= 0))");
            st.execute("CREATE UNIQUE INDEX customer_email_lower ON shop.customer (lower(email))");
            st.execute("CREATE TABLE shop.marker (note text)");
            st.execute("CREATE SCHEMA " + REPOSITORY);
            QuarantineTable.ensure(st, REPOSITORY);
        }
    }

    @Test
    void rowsPostgresRefusesMidCopyAreQuarantinedAndEveryOtherRowOfTheChunkIsCopied() throws Exception {
        PostgresCopyWriter writer = new PostgresCopyWriter(dataSource, customerCopy(), quarantine());
        writer.open(new ExecutionContext());

        inOneTransaction(
                writer,
                List.of(
                        customer(1, "ann@example.com", "happy", 30),
                        // Refused by lite2pg's own conversion: never encoded, so the COPY's line numbers skip it.
                        customer(2, "bob@example.com", "sad", "thirty"),
                        customer(3, "cy@example.com", "angry", 20),
                        // The same key as row 1 on the other side of a refused row: copied after row 1, so it is the
                        // one refused.
                        customer(4, "ANN@example.com", "happy", 50),
                        customer(5, "dee@example.com", null, 60),
                        customer(6, "eve@example.com", "sad", -1),
                        customer(7, "fay@example.com", "happy", 70)));

        assertThat(db.rows("SELECT id, email FROM shop.customer ORDER BY id"))
                .as("of two rows with one unique key the first is copied")
                .containsExactly(
                        List.of("1", "ann@example.com"),
                        List.of("5", "dee@example.com"),
                        List.of("7", "fay@example.com"));
        assertThat(db.rows("SELECT row_key, origin, reason FROM lite2pg.quarantine ORDER BY row_key"))
                .satisfiesExactly(
                        row -> assertThat(row)
                                .startsWith("id=2", "VALUE")
                                .last()
                                .asString()
                                .contains("target type int4"),
                        row -> assertThat(row)
                                .startsWith("id=3", "POSTGRES")
                                .last()
                                .asString()
                                .startsWith("refused by PostgreSQL")
                                .contains("enum")
                                .contains("angry"),
                        row -> assertThat(row)
                                .startsWith("id=4", "POSTGRES")
                                .last()
                                .asString()
                                .startsWith("refused by PostgreSQL")
                                .contains("customer_email_lower"),
                        row -> assertThat(row)
                                .startsWith("id=6", "POSTGRES")
                                .last()
                                .asString()
                                .startsWith("refused by PostgreSQL")
                                .contains("customer_age_check"));
        assertThat(db.rows("SELECT column_name, bad_value FROM lite2pg.quarantine WHERE row_key = 'id=3'"))
                .containsExactly(List.of("mood", "TEXT 'angry'"));
        assertThat(db.rows("SELECT row_data::text FROM lite2pg.quarantine WHERE row_key = 'id=6'")
                        .get(0)
                        .get(0))
                .as("the whole source row")
                .contains("eve@example.com")
                .contains("-1");
        assertThat(db.rows("SELECT note FROM shop.marker"))
                .as("the transaction's earlier work survives the refusals")
                .containsExactly(List.of("before the chunk"));

        ExecutionContext saved = new ExecutionContext();
        writer.update(saved);
        assertThat(saved.getLong(PostgresCopyWriter.ROWS_WRITTEN_KEY)).isEqualTo(3);
        assertThat(saved.getLong(PostgresCopyWriter.ROWS_QUARANTINED_KEY)).isEqualTo(4);
    }

    @Test
    void refusedRowsAtBothEndsAndSideBySideLeaveTheRowsBetweenThem() throws Exception {
        PostgresCopyWriter writer = new PostgresCopyWriter(dataSource, customerCopy(), quarantine());
        writer.open(new ExecutionContext());

        inOneTransaction(
                writer,
                List.of(
                        customer(1, "a@example.com", "bad", 1),
                        customer(2, "b@example.com", "sad", -2),
                        customer(3, "c@example.com", "happy", 3),
                        customer(4, "d@example.com", "sad", 4),
                        customer(5, "e@example.com", "worse", 5),
                        customer(6, "f@example.com", "sad", -6),
                        customer(7, "g@example.com", "happy", 7),
                        customer(8, "h@example.com", "happy", -8)));

        assertThat(db.rows("SELECT id FROM shop.customer ORDER BY id"))
                .containsExactly(List.of("3"), List.of("4"), List.of("7"));
        assertThat(db.rows("SELECT row_key FROM lite2pg.quarantine WHERE origin = 'POSTGRES' ORDER BY row_key"))
                .containsExactly(List.of("id=1"), List.of("id=2"), List.of("id=5"), List.of("id=6"), List.of("id=8"));
    }

    @Test
    void aChunkEveryRowOfWhichIsRefusedWritesNoRowAndQuarantinesThemAll() throws Exception {
        PostgresCopyWriter writer = new PostgresCopyWriter(dataSource, customerCopy(), quarantine());
        writer.open(new ExecutionContext());

        inOneTransaction(
                writer, List.of(customer(1, "a@example.com", "sad", -1), customer(2, "b@example.com", "no", 2)));

        assertThat(db.rows("SELECT count(*) FROM shop.customer")).containsExactly(List.of("0"));
        assertThat(db.rows("SELECT row_key FROM lite2pg.quarantine ORDER BY row_key"))
                .containsExactly(List.of("id=1"), List.of("id=2"));
        ExecutionContext saved = new ExecutionContext();
        writer.update(saved);
        assertThat(saved.getLong(PostgresCopyWriter.ROWS_WRITTEN_KEY)).isZero();
        assertThat(saved.getLong(PostgresCopyWriter.ROWS_QUARANTINED_KEY)).isEqualTo(2);
    }

    @Test
    void withOnBadRowFailTheRowPostgresRefusesIsNamedByItsKeyAndTheChunkWritesNothing() throws Exception {
        PostgresCopyWriter writer = new PostgresCopyWriter(dataSource, customerCopy(), Optional.empty());
        writer.open(new ExecutionContext());

        assertThatThrownBy(() -> inOneTransaction(
                        writer,
                        List.of(
                                customer(1, "ann@example.com", "happy", 30),
                                customer(2, "bob@example.com", "sad", 40),
                                customer(3, "cy@example.com", "sad", -3),
                                customer(4, "dee@example.com", "sad", 40))))
                .isInstanceOf(RowsRefusedException.class)
                .hasMessageContaining("customer")
                .hasMessageContaining("id=3")
                .hasMessageContaining("customer_age_check");

        assertThat(db.rows("SELECT count(*) FROM shop.customer")).containsExactly(List.of("0"));
        assertThat(db.rows("SELECT count(*) FROM shop.marker"))
                .as("the chunk's transaction rolled back")
                .containsExactly(List.of("0"));
        assertThat(db.rows("SELECT count(*) FROM lite2pg.quarantine")).containsExactly(List.of("0"));
    }

    /**
     * Under fail with the run's refused rows (the cutover): a bad value is handed over instead of failing the chunk,
     * and from then on no writer of the run sends a chunk, though each still converts its rows and marks its saved
     * position as past rows it left out.
     */
    @Test
    void withTheRunsRefusedRowsABadRowIsHandedOverAndNoWriterOfTheRunWritesAnotherChunk(@TempDir Path folder)
            throws Exception {
        CopyRefusals refusals = new CopyRefusals(folder.resolve("bad-values.csv"));
        PostgresCopyWriter first = new PostgresCopyWriter(dataSource, customerCopy(), refusals);
        PostgresCopyWriter second = new PostgresCopyWriter(dataSource, customerCopy(), refusals);
        first.open(new ExecutionContext());
        second.open(new ExecutionContext());

        inOneTransaction(
                first, List.of(customer(1, "ann@example.com", "happy", 30), customer(2, "bo@example.com", "sad", 40)));
        inOneTransaction(second, List.of(customer(3, "cy@example.com", "sad", 50), customer(4, null, "sad", "forty")));
        inOneTransaction(
                first, List.of(customer(5, "dee@example.com", "happy", 30), customer(6, "ed@example.com", "sad", 40)));

        assertThat(db.rows("SELECT id FROM shop.customer ORDER BY id"))
                .as("the first chunk, written before the bad row; nothing after it, from either writer")
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(refusals.any()).isTrue();
        ExecutionContext firstSaved = new ExecutionContext();
        first.update(firstSaved);
        ExecutionContext secondSaved = new ExecutionContext();
        second.update(secondSaved);
        assertThat(List.of(
                        firstSaved.getLong(PostgresCopyWriter.ROWS_WRITTEN_KEY),
                        firstSaved.getLong(PostgresCopyWriter.ROWS_DISCARDED_KEY),
                        secondSaved.getLong(PostgresCopyWriter.ROWS_WRITTEN_KEY),
                        secondSaved.getLong(PostgresCopyWriter.ROWS_DISCARDED_KEY)))
                .as("first: written, discarded; second: written, discarded")
                .containsExactly(2L, 2L, 0L, 2L);
        ScanResult found = refusals.result(List.of(customerCopy()), copy -> 6);
        assertThat(List.of(found.badValues(), found.badRows())).containsExactly(2L, 1L);
        assertThat(Files.readAllLines(folder.resolve("bad-values.csv")))
                .hasSize(3)
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("customer,id=4,email,NULL,\"NULL into NOT NULL column customer.email\""))
                .anySatisfy(line -> assertThat(line).startsWith("customer,id=4,age,\"TEXT 'forty'\",\"not an integer"));
    }

    /** Writes the chunk in one transaction, after a row of other work in the same transaction, as a chunk step does. */
    private void inOneTransaction(PostgresCopyWriter writer, List<SourceRow> rows) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            new JdbcTemplate(dataSource).update("INSERT INTO shop.marker VALUES ('before the chunk')");
            try {
                writer.write(new Chunk<>(rows));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Optional<QuarantineTable> quarantine() {
        return Optional.of(new QuarantineTable(REPOSITORY, "shop", "1"));
    }

    private static SourceRow customer(long id, String email, String mood, Object age) {
        Object[] values = {id, email, mood, age instanceof Integer i ? Long.valueOf(i) : age};
        return new SourceRow(new Object[] {id}, values);
    }

    /** customer(id, email, mood, age) copied column for column, as the planner would decide it. */
    private static TableCopy customerCopy() {
        List<String> columns = List.of("id", "email", "mood", "age");
        SourceTable source = new SourceTable(
                "customer",
                List.of(
                        new SourceColumn("id", "INTEGER", false, 1),
                        new SourceColumn("email", "TEXT", false, 0),
                        new SourceColumn("mood", "TEXT", false, 0),
                        new SourceColumn("age", "INTEGER", false, 0)),
                false,
                List.of());
        List<TargetType> types = List.of(
                TargetType.of("int4"),
                TargetType.of("text"),
                new TargetType("shop.mood", "mood", -1, -1, -1, true, false, null),
                TargetType.of("int4"));
        List<ValueConverter> converters = new ArrayList<>();
        for (TargetType type : types) {
            converters.add(ConverterResolver.resolve(type, ConversionOptions.DEFAULTS));
        }
        return new TableCopy(
                0,
                source,
                "shop",
                "customer",
                columns,
                columns,
                types.stream().map(TargetType::sqlName).toList(),
                converters.toArray(ValueConverter[]::new),
                new boolean[] {true, true, false, false});
    }
}
