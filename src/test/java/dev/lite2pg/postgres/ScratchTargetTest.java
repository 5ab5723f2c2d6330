package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScratchTargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db.internal:5432/app                      | jdbc:postgresql://db.internal:5432/lite2pg_check_x
            jdbc:postgresql://db.internal/app?sslmode=require&ssl=true  | jdbc:postgresql://db.internal/lite2pg_check_x?sslmode=require&ssl=true
            jdbc:postgresql://db.internal:5432                          | jdbc:postgresql://db.internal:5432/lite2pg_check_x
            jdbc:postgresql://db.internal?sslmode=require               | jdbc:postgresql://db.internal/lite2pg_check_x?sslmode=require
            jdbc:postgresql://a:5432,b:5433/app?targetServerType=primary | jdbc:postgresql://a:5432,b:5433/lite2pg_check_x?targetServerType=primary
            jdbc:postgresql:app                                         | jdbc:postgresql:lite2pg_check_x
            jdbc:postgresql:app?user=me                                 | jdbc:postgresql:lite2pg_check_x?user=me
            """)
    void theScratchDatabaseIsOnTheSameServerWithTheSameParameters(String url, String scratch) {
        assertThat(ScratchTarget.withDatabase(url, "lite2pg_check_x")).isEqualTo(scratch);
    }
}
