package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.postgres.ContentChecksums.Difference;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Content checksums computed by PostgreSQL on the test database: source rows loaded into the scratch table against the
 * target table's rows. Equal rows give equal checksums whatever their order; a difference the column's own equality
 * hides (a case-insensitive collation, numeric trailing zeros) still shows, because such values are hashed from
 * their text byte for byte; duplicates count. Before PostgreSQL 14 (no hash_record_extended) the row's text is hashed.
 */
@ExtendWith(TestDatabaseExtension.class)
class ContentChecksumsIT {

    private static final List<String> COLUMNS = List.of("id", "doc", "price", "Label", "at");
    private static final List<String> TYPES =
            List.of("bigint", "jsonb", "numeric", "character varying(20)", "timestamp(3) without time zone");
    private static final String TARGET_ROWS =
            "(1, '{\"a\": 1, \"b\": [true]}', 1.5, 'widget', '2024-01-31 09:30:00.123'),"
                    + " (2, '{\"n\": 2}', 10, 'Gadget', '1999-12-31 23:59:59'), (3, NULL, NULL, NULL, NULL)";

    private TestDatabase db;
    private Connection connection;

    @BeforeEach
    void tables() throws SQLException {
        connection = db.connect();
        try (Statement st = connection.createStatement()) {
            st.execute(
                    "CREATE COLLATION case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
            st.execute("CREATE SCHEMA shop");
            st.execute("CREATE TABLE shop.item (id bigint PRIMARY KEY, doc jsonb, price numeric,"
                    + " \"Label\" varchar(20) COLLATE case_blind, at timestamp(3))");
            st.execute("INSERT INTO shop.item VALUES " + TARGET_ROWS);
            st.execute("CREATE TABLE shop.source (LIKE shop.item)");
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theSameRowsInAnotherOrderGiveTheSameChecksumAndNoDifference() throws Exception {
        ContentChecksums checksums = loaded("(3, NULL, NULL, NULL, NULL),"
                + " (2, '{\"n\": 2}', 10, 'Gadget', '1999-12-31 23:59:59'),"
                + " (1, '{\"b\": [true], \"a\": 1}', 1.5, 'widget', '2024-01-31 09:30:00.123')");

        Checksum target = checksums.targetChecksum();
        assertThat(target.rows()).isEqualTo(3);
        assertThat(checksums.scratchChecksum()).isEqualTo(target);
        assertThat(checksums.differences(10)).isEmpty();
    }

    @Test
    void valuesTheColumnCallsEqualButThatPrintDifferentlyAreDifferences() throws Exception {
        ContentChecksums checksums =
                loaded("(1, '{\"a\": 1, \"b\": [true]}', 1.50, 'widget', '2024-01-31 09:30:00.123'),"
                        + " (2, '{\"n\": 2}', 10, 'GADGET', '1999-12-31 23:59:59'), (3, NULL, NULL, NULL, NULL)");

        assertThat(checksums.scratchChecksum().rows()).isEqualTo(3);
        assertThat(checksums.scratchChecksum()).isNotEqualTo(checksums.targetChecksum());
        assertThat(checksums.differences(10))
                .as("each names the columns that print differently: 1.50 against 1.5, GADGET against Gadget")
                .containsExactly(
                        new Difference("id=1", 1, 1, List.of("price")), new Difference("id=2", 1, 1, List.of("Label")));
    }

    @Test
    void aMissingRowAndADuplicateRowCount() throws Exception {
        ContentChecksums checksums =
                loaded("(1, '{\"a\": 1, \"b\": [true]}', 1.5, 'widget', '2024-01-31 09:30:00.123'),"
                        + " (3, NULL, NULL, NULL, NULL), (3, NULL, NULL, NULL, NULL)");

        Checksum difference = checksums.scratchChecksum().minus(checksums.targetChecksum());
        assertThat(difference.rows()).isZero();
        assertThat(difference.sum()).isNotZero();
        assertThat(checksums.differences(10))
                .containsExactly(new Difference("id=2", 0, 1), new Difference("id=3", 1, 0));
    }

    @Test
    void beforePostgresql14TheRowsTextIsHashedSoTheSameDifferencesShow() throws Exception {
        String hash = ContentChecksums.rowHash(COLUMNS, TYPES, 13);
        try (Statement st = connection.createStatement()) {
            st.execute(
                    "INSERT INTO shop.source VALUES (1, '{\"b\": [true], \"a\": 1}', 1.5, 'widget', '2024-01-31 09:30:00.123'),"
                            + " (2, '{\"n\": 2}', 10, 'GADGET', '1999-12-31 23:59:59'), (3, NULL, NULL, NULL, NULL)");
        }
        connection.commit();
        List<List<String>> target = db.rows("SELECT id, " + hash + " FROM shop.item ORDER BY id");
        List<List<String>> source = db.rows("SELECT id, " + hash + " FROM shop.source ORDER BY id");

        assertThat(source.get(0)).as("the same row").isEqualTo(target.get(0));
        assertThat(source.get(1)).as("a label that differs only in case").isNotEqualTo(target.get(1));
        assertThat(source.get(2)).as("a row of NULLs").isEqualTo(target.get(2));
    }

    /** Checksums of shop.item against the given rows loaded as source rows into the scratch table. */
    private ContentChecksums loaded(String sourceRows) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO shop.source VALUES " + sourceRows);
        }
        ContentChecksums checksums = new ContentChecksums(connection, "shop", "item", COLUMNS, TYPES, List.of("id"));
        checksums.createScratch();
        checksums.loadScratchFromJson(new QuarantineTable.Select("SELECT to_json(s) FROM shop.source s", List.of()));
        return checksums;
    }
}
