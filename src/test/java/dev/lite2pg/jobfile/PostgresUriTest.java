package dev.lite2pg.jobfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** libpq URIs as DATABASE_URL-style settings write them, turned into pgjdbc URLs without their secrets. */
class PostgresUriTest {

    @Test
    void takesUserAndPasswordOutAndKeepsHostPortDatabaseAndParameters() {
        PostgresUri uri = PostgresUri.parse("postgresql://app:s3cret@db.example:6432/shop?sslmode=require");

        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6432/shop?sslmode=require");
        assertThat(uri.user()).contains("app");
        assertThat(uri.password()).contains("s3cret");
    }

    @Test
    void thePasswordIsNeverInToStringNorInTheJdbcUrl() {
        PostgresUri uri = PostgresUri.parse("postgres://app:s3cret@h/db?password=other-s3cret");

        assertThat(uri.toString()).doesNotContain("s3cret").contains("password hidden");
        assertThat(uri.jdbcUrl()).doesNotContain("s3cret").doesNotContain("password");
        assertThat(uri.password()).contains("other-s3cret");
    }

    @Test
    void decodesPercentEncodingAsLibpqDoesAndEncodesTheDatabaseForPgjdbc() {
        PostgresUri uri =
                PostgresUri.parse("postgresql://us%40er:p%3Ass+w%2Fd@h:5432/my%20db?application_name=lite%2B2pg");

        assertThat(uri.user()).contains("us@er");
        assertThat(uri.password()).as("a + stays a plus, as in libpq").contains("p:ss+w/d");
        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/my+db?ApplicationName=lite%2B2pg");
    }

    @Test
    void anUnencodedAtOrColonInThePasswordStillSplitsAtTheLastAt() {
        PostgresUri uri = PostgresUri.parse("postgresql://app:pa:ss@word@h/db");

        assertThat(uri.user()).contains("app");
        assertThat(uri.password()).contains("pa:ss@word");
        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void keepsIpv6HostsInBracketsAndSeveralHosts() {
        assertThat(PostgresUri.parse("postgresql://[::1]:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(PostgresUri.parse("postgresql://[2001:db8::7]/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[2001:db8::7]/db");
        assertThat(PostgresUri.parse("postgresql://a:5432,b:5433/db?target_session_attrs=any")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/db?target_session_attrs=any");
    }

    @Test
    void noHostMeansLocalhostAndNoUserMeansNone() {
        PostgresUri uri = PostgresUri.parse("postgresql:///app");

        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(uri.user()).isEmpty();
        assertThat(uri.hasPassword()).isFalse();
    }

    @Test
    void userAndPasswordMayBeParameters() {
        PostgresUri uri = PostgresUri.parse("postgresql://h/db?user=app&password=s3cret&connect_timeout=10");

        assertThat(uri.user()).contains("app");
        assertThat(uri.password()).contains("s3cret");
        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?connectTimeout=10");
    }

    @Test
    void refusesWhatPgjdbcCannotUseWithoutEchoingAPassword() {
        assertThatThrownBy(() -> PostgresUri.parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db"))
                .hasMessageContaining("Unix-domain socket");
        assertThatThrownBy(() -> PostgresUri.parse("postgresql://h:port/db")).hasMessageContaining("port");
        assertThatThrownBy(() -> PostgresUri.parse("postgresql://[::1/db")).hasMessageContaining("]");
        assertThatThrownBy(() -> PostgresUri.parse("postgresql://app:s3cret@h/db?password"))
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("password=***");
        assertThatThrownBy(() -> PostgresUri.parse("postgresql://app:s3cr%zzet@h/db"))
                .hasMessageContaining("bad percent-encoding in the password")
                .hasMessageNotContaining("s3cr");
    }

    @Test
    void theEnvironmentsUriGivesTheTargetAndItsPasswordOnlyWhereItIsUsed() {
        Map<String, String> environment =
                Map.of("LITE2PG_TARGET_URL", "postgresql://app:s3cret@db.example/shop", "PGPASSWORD", "other");

        JobOverrides overrides = JobOverrides.of(null, null, null, null, environment);
        TargetCredentials credentials = TargetCredentials.fromEnvironment(environment);

        assertThat(overrides.targetUrl()).isEqualTo("jdbc:postgresql://db.example/shop");
        assertThat(overrides.targetUser()).isEqualTo("app");
        assertThat(overrides.toString()).doesNotContain("s3cret");
        assertThat(credentials.password()).contains("s3cret");
        assertThat(credentials.sourceVariable()).contains("LITE2PG_TARGET_URL");
        assertThat(credentials.toString()).doesNotContain("s3cret");
        assertThat(TargetCredentials.fromEnvironment(Map.of(
                                "LITE2PG_TARGET_URL",
                                "postgresql://app:s3cret@h/db",
                                "LITE2PG_TARGET_PASSWORD",
                                "mine"))
                        .password())
                .as("the lite2pg variable wins")
                .contains("mine");
        assertThatThrownBy(() -> JobOverrides.of(null, "jdbc:postgresql://staging/db", null, null, environment))
                .as("the environment's password is not sent to another server")
                .hasMessageContaining("LITE2PG_TARGET_URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() {
        Map<String, String> environment =
                Map.of("LITE2PG_TARGET_URL", "jdbc:postgresql://env/db", "LITE2PG_TARGET_USER", "env_user");

        assertThat(JobOverrides.of(null, null, null, null, environment))
                .isEqualTo(new JobOverrides(null, "jdbc:postgresql://env/db", "env_user", null));
        assertThat(JobOverrides.of(null, "postgresql://cli/db", "cli_user", null, environment))
                .isEqualTo(new JobOverrides(null, "postgresql://cli/db", "cli_user", null));
        assertThatThrownBy(() -> JobOverrides.of(null, null, null, null, Map.of("LITE2PG_TARGET_URL", "mysql://h/db")))
                .hasMessageStartingWith("LITE2PG_TARGET_URL: must be a PostgreSQL URL");
    }
}
