package dev.lite2pg.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates Spring Batch's job repository tables in their own schema of the target database. Boot's initializer
 * ignores the table prefix, so the schema-qualified script is run here, once, under an advisory lock so that two
 * processes starting together do not both try. The quarantine table lives beside them.
 */
public final class JobRepositorySchema {

    private static final long LOCK_ID = 0x6c69746532706721L; // "lite2pg!"

    private JobRepositorySchema() {}

    public static void ensure(DataSource dataSource, String schema) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute((java.sql.Connection connection) -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")");
                st.execute("CREATE SCHEMA IF NOT EXISTS " + PgSql.quote(schema));
                try (var rs = st.executeQuery("SELECT to_regclass("
                        + PgSql.literal(PgSql.quote(schema) + ".batch_job_instance") + ") IS NOT NULL")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        for (String statement : script(schema).split(";")) {
                            if (!statement.isBlank()) {
                                st.execute(statement);
                            }
                        }
                    }
                }
                QuarantineTable.ensure(st, schema);
                dev.lite2pg.catchup.CatchUpLog.ensure(st, schema);
                connection.commit();
            } catch (RuntimeException | java.sql.SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    private static String script(String schema) {
        try {
            String text = new ClassPathResource("dev/lite2pg/postgres/job-repository.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            return text.replace("${schema}", PgSql.quote(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
