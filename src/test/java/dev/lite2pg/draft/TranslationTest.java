package dev.lite2pg.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CHECK expressions and defaults from SQLite into PostgreSQL for the drafted column types: no database. */
class TranslationTest {

    private static DraftColumn column(String name, Candidate type, String sql) {
        return new DraftColumn(name, name.toLowerCase(), new ColumnProposal(sql, type, false, sql), false, null);
    }

    private static final Map<String, DraftColumn> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("pinned", column("Pinned", Candidate.BOOLEAN, "boolean"));
        COLUMNS.put("status", column("Status", Candidate.DECLARED_VARCHAR, "varchar(8)"));
        COLUMNS.put("qty", column("qty", Candidate.BIGINT, "bigint"));
        COLUMNS.put("payload", column("payload", Candidate.JSONB, "jsonb"));
    }

    private static Translation check(String sqlite) {
        return ExpressionTranslator.translate(SqlToken.tokenize(sqlite), COLUMNS);
    }

    @Test
    void sqlalchemysBooleanAndEnumChecksTranslate() {
        assertThat(check("Pinned IN (0, 1)").sql()).isEqualTo("\"pinned\" IN (false, true)");
        assertThat(check("[status] IN ('a', 'it''s')").sql()).isEqualTo("\"status\" IN ('a', 'it''s')");
        assertThat(check("qty >= 0 AND pinned == 1").sql()).isEqualTo("\"qty\" >= 0 AND \"pinned\" = true");
        assertThat(check("status like '%x%'").sql()).isEqualTo("\"status\" ILIKE '%x%'");
        assertThat(check("length(status) > 2").sql()).isEqualTo("length(\"status\") > 2");
    }

    @Test
    void whatCouldMeanSomethingElseIsRefusedWithTheReason() {
        assertThat(check("status GLOB 'a*'").refusal()).contains("'GLOB'");
        assertThat(check("json_valid(payload)").refusal()).contains("json_valid");
        assertThat(check("payload <> '{}'").refusal()).contains("drafted as jsonb");
        assertThat(check("pinned = 2").refusal()).contains("boolean and compared with 2");
        assertThat(check("\"nothing\" = 1").refusal()).contains("names no column");
        assertThat(check("payload IS NOT NULL").sql()).isEqualTo("\"payload\" IS NOT NULL");
    }

    private static Translation defaultOf(String sqlite, Candidate type, String sql) {
        return DefaultTranslator.translate(sqlite, column("c", type, sql));
    }

    @Test
    void defaultsTranslateForTheDraftedType() {
        assertThat(defaultOf("0", Candidate.BOOLEAN, "boolean").sql()).isEqualTo("false");
        assertThat(defaultOf("'1'", Candidate.BOOLEAN, "boolean").sql()).isEqualTo("true");
        assertThat(defaultOf("-1", Candidate.BIGINT, "bigint").sql()).isEqualTo("(-1)");
        assertThat(defaultOf("4.99", Candidate.DECLARED_NUMERIC, "numeric(4,2)").sql())
                .isEqualTo("4.99");
        assertThat(defaultOf("'{}'", Candidate.JSONB, "jsonb").sql()).isEqualTo("'{}'");
        assertThat(defaultOf("NULL", Candidate.TEXT, "text").sql()).isNull();
        assertThat(defaultOf("(strftime('%s', 'now'))", Candidate.BIGINT, "bigint")
                        .sql())
                .isEqualTo("(floor(extract(epoch from CURRENT_TIMESTAMP))::bigint)");
        assertThat(defaultOf("CURRENT_TIMESTAMP", Candidate.TIMESTAMP, "timestamp")
                        .sql())
                .isEqualTo("(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')");
    }

    @Test
    void aDefaultTheTypeWouldRefuseOrASqliteExpressionIsRefused() {
        assertThat(defaultOf("2", Candidate.BOOLEAN, "boolean").refusal()).contains("does not fit boolean");
        assertThat(defaultOf("'abcdefghij'", Candidate.DECLARED_VARCHAR, "varchar(3)")
                        .refusal())
                .contains("does not fit varchar(3)");
        assertThat(defaultOf("(random())", Candidate.BIGINT, "bigint").refusal())
                .contains("SQLite expression");
    }
}
