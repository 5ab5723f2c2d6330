package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What check reads from PostgreSQL's error fields: the duplicate key of a unique index, and the kind to count by. */
class PostgresRefusalTest {

    /** An error report as the server sends it: one field per letter (M message, D detail, n constraint, C SQLSTATE). */
    private static PSQLException error(String message, String detail, String constraint, String sqlState) {
        StringBuilder fields = new StringBuilder("SERROR\0C" + sqlState + "\0M" + message + "\0");
        if (detail != null) {
            fields.append('D').append(detail).append('\0');
        }
        if (constraint != null) {
            fields.append('n').append(constraint).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    @Test
    void aUniqueIndexOverColumnsAndExpressionsNamesEachKeyPartAndTheDuplicateValues() {
        PSQLException e = error(
                "duplicate key value violates unique constraint \"t_key\"",
                "Key (a, lower((b || ', '::text)), c)=(1, x, , 2) already exists.",
                "t_key",
                "23505");

        PostgresRefusal.DuplicateKey key = PostgresRefusal.duplicateKey(e);

        assertThat(key.columns()).containsExactly("a", "lower((b || ', '::text))", "c");
        assertThat(key.values()).isEqualTo("1, x, , 2");
        assertThat(PostgresRefusal.kind(e))
                .isEqualTo("refused by PostgreSQL: duplicate key value violates unique constraint \"t_key\"");
    }

    @Test
    void anErrorThatIsNotADuplicateHasNoDuplicateKey() {
        PSQLException check = error(
                "new row for relation \"trade\" violates check constraint \"trade_status_check\"",
                "Failing row contains (5, cancelled).",
                "trade_status_check",
                "23514");

        assertThat(PostgresRefusal.duplicateKey(check)).isNull();
        assertThat(PostgresRefusal.kind(check))
                .isEqualTo("refused by PostgreSQL: new row for relation \"trade\" violates check constraint"
                        + " \"trade_status_check\"");
    }

    @Test
    void anEnumRefusalIsCountedWithoutTheLabelSoEveryBadLabelIsOneKind() {
        List<String> kinds = List.of("buy", "cancelled").stream()
                .map(label -> PostgresRefusal.kind(
                        error("invalid input value for enum trade_side: \"" + label + "\"", null, null, "22P02")))
                .distinct()
                .toList();

        assertThat(kinds).containsExactly("refused by PostgreSQL: invalid input value for enum trade_side");
    }
}
