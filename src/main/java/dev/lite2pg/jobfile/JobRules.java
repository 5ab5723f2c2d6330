package dev.lite2pg.jobfile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks shared by the job file and the command-line overrides, so both refuse the same values. */
final class JobRules {
    static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    /** Spring Batch's BATCH_JOB_INSTANCE.JOB_NAME is a VARCHAR(100). */
    static final int MAX_JOB_NAME_LENGTH = 100;
    /**
     * The schema ends up in Spring Batch's table prefix and in hand-written SQL; a lower-case plain identifier
     * means the same quoted or unquoted, since PostgreSQL folds unquoted names to lower case.
     */
    static final Pattern REPOSITORY_SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

    static final int MIN_CHUNK_SIZE = 1;
    static final int MAX_CHUNK_SIZE = 1_000_000;

    private JobRules() {}

    static Optional<String> jobName(String name) {
        if (!JOB_NAME.matcher(name).matches()) {
            return Optional.of("may only contain letters, digits, '_', '.' and '-', got '" + name + "'");
        }
        if (name.length() > MAX_JOB_NAME_LENGTH) {
            return Optional.of("must be at most " + MAX_JOB_NAME_LENGTH + " characters, got " + name.length());
        }
        return Optional.empty();
    }

    /** A target URL written in the job file or on the command line, where a password would be seen by others. */
    static Optional<String> targetUrl(String url) {
        Optional<String> form = targetUrlForm(url);
        if (form.isEmpty() && JdbcUrls.containsPassword(url)) {
            return Optional.of("must not contain a password: set " + TargetCredentials.PASSWORD_VARIABLE
                    + " instead (or put the whole URI in " + TargetCredentials.URL_VARIABLE + ")");
        }
        return form;
    }

    /** The URL's form, password or not: a pgjdbc URL or a libpq URI that parses. */
    static Optional<String> targetUrlForm(String url) {
        if (PostgresUri.isUri(url)) {
            try {
                PostgresUri.parse(url);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(
                        "is not a valid PostgreSQL URI: " + e.getMessage() + ", got '" + JdbcUrls.redact(url) + "'");
            }
        }
        if (!url.startsWith(JdbcUrls.POSTGRES_PREFIX)) {
            return Optional.of("must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DB or"
                    + " postgresql://USER@HOST:PORT/DB, e.g. jdbc:postgresql://127.0.0.1:5432/app, got '"
                    + JdbcUrls.redact(url) + "'");
        }
        return Optional.empty();
    }

    static Optional<String> chunkSize(int size) {
        if (size < MIN_CHUNK_SIZE || size > MAX_CHUNK_SIZE) {
            return Optional.of("must be between " + MIN_CHUNK_SIZE + " and " + MAX_CHUNK_SIZE + ", got " + size);
        }
        return Optional.empty();
    }

    static Optional<String> repositorySchema(String schema) {
        if (!REPOSITORY_SCHEMA.matcher(schema).matches()) {
            return Optional.of("must be a lower-case identifier ([a-z_][a-z0-9_]*), so that it means the same"
                    + " quoted or unquoted, got '" + schema + "'");
        }
        return Optional.empty();
    }

    /** Keeping the job repository apart keeps the target schema holding exactly the application's tables. */
    static Optional<String> schemasApart(String targetSchema, String repositorySchema) {
        if (targetSchema.equals(repositorySchema)) {
            return Optional.of("must differ from target.schema ('" + targetSchema
                    + "'), so that Spring Batch's tables do not land among the application's tables");
        }
        return Optional.empty();
    }

    /**
     * An http(s) URL with a host, optionally a port and a path prefix. Credentials are refused, as for the target,
     * and a value with an {@code @} is not echoed: it may hold one.
     */
    static Optional<String> pushgateway(String url) {
        String expected = "must be the http:// or https:// URL of a Prometheus Pushgateway, e.g. http://127.0.0.1:9091";
        String got = url.contains("@") ? "" : ", got '" + url + "'";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(expected + got);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null) {
            return Optional.of(expected + got);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of(expected + ", without ?query or #fragment" + got);
        }
        return Optional.empty();
    }
}
