package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetCredentialsTest {
    @Test
    void lite2pgVariableWinsOverPgpassword() {
        TargetCredentials credentials = TargetCredentials.fromEnvironment(
                Map.of("LITE2PG_TARGET_PASSWORD", "s3cret-lite", "PGPASSWORD", "s3cret-pg"));

        assertThat(credentials.password()).contains("s3cret-lite");
        assertThat(credentials.sourceVariable()).contains("LITE2PG_TARGET_PASSWORD");
    }

    @Test
    void fallsBackToPgpassword() {
        TargetCredentials credentials = TargetCredentials.fromEnvironment(Map.of("PGPASSWORD", "s3cret-pg"));

        assertThat(credentials.password()).contains("s3cret-pg");
        assertThat(credentials.sourceVariable()).contains("PGPASSWORD");
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        TargetCredentials credentials =
                TargetCredentials.fromEnvironment(Map.of("LITE2PG_TARGET_PASSWORD", "", "PGPASSWORD", "s3cret-pg"));

        assertThat(credentials.password()).contains("s3cret-pg");
    }

    @Test
    void noVariableMeansNoPassword() {
        TargetCredentials credentials = TargetCredentials.fromEnvironment(Map.of("HOME", "/root"));

        assertThat(credentials.password()).isEmpty();
        assertThat(credentials.sourceVariable()).isEmpty();
        assertThat(credentials.toString()).isEqualTo("TargetCredentials[no password]");
    }

    @Test
    void toStringNeverPrintsThePassword() {
        TargetCredentials credentials =
                TargetCredentials.fromEnvironment(Map.of("LITE2PG_TARGET_PASSWORD", "s3cret-lite"));

        assertThat(credentials.toString())
                .isEqualTo("TargetCredentials[password from LITE2PG_TARGET_PASSWORD]")
                .doesNotContain("s3cret-lite");
    }
}
