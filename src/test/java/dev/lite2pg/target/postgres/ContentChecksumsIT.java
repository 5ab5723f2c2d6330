package dev.lite2pg.target.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentChecksumsTest {

    private static final List<String> COLUMNS = List.of("id", "doc", "price", "Label", "at");
    private static final List<String> TYPES = List.of("bigint", "jsonb", "numeric(10,2)", "character varying(20)",
            "timestamp(3) without time zone");

    @Test
    void hashesValuesWhereEqualValuesPrintTheSameAndTextByteForByteElsewhere() {
        assertThat(ContentChecksums.rowHash(COLUMNS, TYPES, 15)).isEqualTo("hash_record_extended(ROW(\"id\", \"doc\","
                + " \"price\"::text COLLATE \"C\", \"Label\"::text COLLATE \"C\", \"at\"), 0)");
    }

    @Test
    void beforePostgresql14WithoutRecordHashingHashesTheRowsText() {
        assertThat(ContentChecksums.rowHash(COLUMNS, TYPES, 13))
                .isEqualTo("hashtextextended(ROW(\"id\", \"doc\", \"price\", \"Label\", \"at\")::text, 0)");
    }
}
