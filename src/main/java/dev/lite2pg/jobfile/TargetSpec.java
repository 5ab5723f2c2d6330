package dev.lite2pg.jobfile;

import java.util.Objects;

/**
 * The PostgreSQL database to fill. The password is deliberately absent: see {@link TargetCredentials}.
 *
 * @param schema where the application tables live
 */
public record TargetSpec(String url, String user, String schema) {
    public TargetSpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(schema, "schema");
    }

    /** The URL with every password-like part masked, safe for logs and reports. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    /** Redacted, so that printing a definition can never leak a secret someone slipped into the URL. */
    @Override
    public String toString() {
        return "TargetSpec[url=" + redactedUrl() + ", user=" + user + ", schema=" + schema + "]";
    }
}
