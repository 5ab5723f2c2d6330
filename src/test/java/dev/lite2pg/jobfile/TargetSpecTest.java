package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetSpecTest {
    @Test
    void leavesAUrlWithoutSecretsAlone() {
        assertThat(spec("jdbc:postgresql://127.0.0.1:5432/app?ssl=true").redactedUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/app?ssl=true");
        assertThat(spec("jdbc:postgresql:app").redactedUrl()).isEqualTo("jdbc:postgresql:app");
        assertThat(spec("jdbc:postgresql://postgres@db/app").redactedUrl())
                .isEqualTo("jdbc:postgresql://postgres@db/app");
    }

    @Test
    void masksPasswordParametersWhateverTheirCase() {
        assertThat(spec("jdbc:postgresql://db/app?user=x&Password=hunter2&ssl=true")
                        .redactedUrl())
                .isEqualTo("jdbc:postgresql://db/app?user=x&Password=***&ssl=true");
        assertThat(spec("jdbc:postgresql://db/app?sslpassword=keypass").redactedUrl())
                .isEqualTo("jdbc:postgresql://db/app?sslpassword=***");
    }

    @Test
    void masksTheUserInfoPassword() {
        assertThat(spec("jdbc:postgresql://postgres:hunter2@db:5432/app?ssl=true")
                        .redactedUrl())
                .isEqualTo("jdbc:postgresql://postgres:***@db:5432/app?ssl=true");
    }

    @Test
    void toStringShowsTheRedactedUrl() {
        assertThat(spec("jdbc:postgresql://db/app?password=hunter2").toString())
                .isEqualTo("TargetSpec[url=jdbc:postgresql://db/app?password=***, user=postgres, schema=public]");
    }

    @Test
    void findsPasswordsOnlyWherePgjdbcWouldReadThem() {
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://db/app?password=x"))
                .isTrue();
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://u:x@db/app")).isTrue();
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://db:5432/app")).isFalse();
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://u@db/app?sslpassword=x"))
                .isFalse();
        assertThat(JdbcUrls.containsPassword("jdbc:postgresql://db/app?passwordless=1"))
                .isFalse();
    }

    private static TargetSpec spec(String url) {
        return new TargetSpec(url, "postgres", "public");
    }
}
