package dev.lite2pg.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

@ExtendWith(TestDatabaseExtension.class)
class ServerIdentityIT {

    private static final String SECRET = "identity-secret";

    @Test
    void theDatabaseIsNamedByTheServerNotByTheUrlsSpelling(TestDatabase db) throws Exception {
        List<String> server = db.rows(
                        "SELECT system_identifier::text, current_setting('port') FROM pg_control_system()")
                .get(0);
        String expected = "cluster " + server.get(0) + " port " + server.get(1) + " database " + db.name();

        assertThat(ServerIdentity.of(dataSource(db.url(), db.user(), db.password())))
                .isEqualTo(expected);
        assertThat(ServerIdentity.of(dataSource(otherSpelling(db.url()), db.user(), db.password())))
                .isEqualTo(expected);
    }

    @Test
    void withoutPgControlSystemTheServersAddressStandsIn(TestDatabase db) throws Exception {
        String role = "lite2pg_identity_" + db.name().substring(db.name().length() - 8);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + SECRET + "'");
            // Per database: the other databases of the test server keep the default grant.
            st.execute("REVOKE EXECUTE ON FUNCTION pg_catalog.pg_control_system() FROM PUBLIC");
        }
        try {
            String url = db.url().contains("//localhost:") ? otherSpelling(db.url()) : db.url();
            List<String> server = db.rows("SELECT current_setting('port')").get(0);

            assertThat(ServerIdentity.of(dataSource(url, role, SECRET)))
                    .isEqualTo("server 127.0.0.1 port " + server.get(0) + " database " + db.name());
        } finally {
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP ROLE " + role);
            }
        }
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static String otherSpelling(String url) {
        if (url.contains("//127.0.0.1:")) {
            return url.replace("//127.0.0.1:", "//localhost:");
        }
        assertThat(url)
                .as("the test server must be on 127.0.0.1 or localhost for this test")
                .contains("//localhost:");
        return url.replace("//localhost:", "//127.0.0.1:");
    }
}
