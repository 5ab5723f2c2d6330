package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDumpTest {

    @Test
    void jdbcUrlsBecomeLibpqUrisKeepingOnlySslmode() {
        assertThat(SchemaDump.libpqUri("jdbc:postgresql://db.example:6432/app?sslmode=require&ApplicationName=x"))
                .isEqualTo("postgresql://db.example:6432/app?sslmode=require");
        assertThat(SchemaDump.libpqUri("jdbc:postgresql://a:5432,b:5433/app"))
                .isEqualTo("postgresql://a:5432,b:5433/app");
        assertThat(SchemaDump.libpqUri("jdbc:postgresql:app?loggerLevel=OFF")).isEqualTo("postgresql://localhost/app");
    }

    @Test
    void psqlMetaCommandsAreDroppedAndTheSqlKept() {
        String dump = "\\restrict abc\nSET lock_timeout = 0;\nCREATE SCHEMA app;\n\\unrestrict abc\n";

        assertThat(SchemaDump.statements(dump)).isEqualTo("SET lock_timeout = 0;\nCREATE SCHEMA app;\n");
    }

    @Test
    void schemaNamesAreQuotedUnlessPlainLowerCase() {
        assertThat(SchemaDump.quoted("app_v2")).isEqualTo("app_v2");
        assertThat(SchemaDump.quoted("App")).isEqualTo("\"App\"");
    }

    @Test
    void pgDumpIsTheVariablesElseTheFirstOnThePathElseARefusal(@TempDir Path empty) {
        assertThat(SchemaDump.pgDump("/opt/pg16/bin/pg_dump", "/nowhere", "or run check --no-load"))
                .isEqualTo("/opt/pg16/bin/pg_dump");

        assertThatThrownBy(() -> SchemaDump.pgDump(null, empty.toString(), "or run check --no-load"))
                .isInstanceOfSatisfying(
                        Lite2pgException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION))
                .hasMessageContaining("pg_dump not found")
                .hasMessageContaining(SchemaDump.PG_DUMP_VARIABLE)
                .hasMessageContaining("--no-load");
    }
}
