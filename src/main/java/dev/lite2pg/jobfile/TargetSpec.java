package dev.lite2pg.jobfile;

import java.util.Objects;

/**
 * The PostgreSQL database to fill. The password is deliberately absent: see {@link TargetCredentials}.
 *
 * @param url null when the job file names no target (valid for check and dry-run, which can use an embedded server)
 * @param user null when the job file names no target
 * @param schema where the application tables live
 */
public record TargetSpec(String url, String user, String schema) {
    public static final String DEFAULT_USER = "postgres";

    public TargetSpec {
        Objects.requireNonNull(schema, "schema");
    }

    /** No target in the job file: the default schema, no server. */
    public static TargetSpec none() {
        return new TargetSpec(null, null, JobDefinition.DEFAULT_TARGET_SCHEMA);
    }

    public boolean hasServer() {
        return url != null;
    }

    /** The URL with every password-like part masked, safe for logs and reports. */
    public String redactedUrl() {
        return url == null ? "(no target)" : JdbcUrls.redact(url);
    }

    /** Redacted, so that printing a definition can never leak a secret someone slipped into the URL. */
    @Override
    public String toString() {
        return "TargetSpec[url=" + redactedUrl() + ", user=" + user + ", schema=" + schema + "]";
    }
}
