package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilledTablesTest {

    private static final Map<String, String> COPIED = Map.of("alembic_version", "alembic_version", "user", "User");

    @Test
    void onlyTheCopiedTablesMustBeEmptyAndTheReplacedOnesAreNamed() {
        Map<String, Long> withRows = new LinkedHashMap<>();
        withRows.put("alembic_version", 1L);
        withRows.put("role", 2L);
        withRows.put("settings", 5L);

        FilledTables filled = FilledTables.sort(withRows, COPIED, Set.of("alembic_version"), "app");

        assertThat(filled.replaced()).containsExactly(Map.entry("alembic_version", 1L));
        assertThat(filled.targetOnly()).containsExactly(Map.entry("role", 2L), Map.entry("settings", 5L));
    }

    @Test
    void aCopiedTableHoldingRowsIsRefusedWithTheChoiceAndAStrayReplaceEntryToo() {
        Map<String, Long> withRows = new LinkedHashMap<>();
        withRows.put("role", 2L);
        withRows.put("user", 3L);

        Lite2pgException refusal = catchThrowableOfType(
                Lite2pgException.class, () -> FilledTables.sort(withRows, COPIED, Set.of("rol"), "app"));

        assertThat(refusal.code()).isEqualTo(ErrorCode.PRECONDITION);
        assertThat(refusal.getMessage())
                .startsWith("target schema app already holds rows where the job would copy; nothing was copied")
                .contains("\n  - user holds 3 row(s) and the job copies source table User into it: keep the target's"
                        + " rows with mapping.exclude: [ User ], or let the source's rows replace them with"
                        + " schema.replace-rows: [ user ]")
                .contains("\n  - schema.replace-rows names rol, which the job copies nothing into in schema app;"
                        + " remove it from the list")
                .doesNotContain("role holds");
    }
}
