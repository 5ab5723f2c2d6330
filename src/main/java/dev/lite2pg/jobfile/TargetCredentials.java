package dev.lite2pg.jobfile;

import java.util.Map;
import java.util.Optional;

/**
 * The target password, kept out of the job file so that job files can be committed and shared.
 * {@link #toString()} never prints it, so the object can be logged or put in an exception message safely.
 */
public final class TargetCredentials {
    /** Checked first: a lite2pg-specific variable lets an operator override a PGPASSWORD set for other tools. */
    public static final String PASSWORD_VARIABLE = "LITE2PG_TARGET_PASSWORD";
    /** libpq's variable, honoured because operators of PostgreSQL usually have it set already. */
    public static final String LIBPQ_PASSWORD_VARIABLE = "PGPASSWORD";
    /**
     * The target URL from the environment (over the job file's, under --target-url); as a postgresql:// URI it may
     * carry the password, as DATABASE_URL-style settings do: the environment is not shared like a job file.
     */
    public static final String URL_VARIABLE = "LITE2PG_TARGET_URL";
    /** The target user from the environment (over the job file's, under --target-user). */
    public static final String USER_VARIABLE = "LITE2PG_TARGET_USER";

    private static final TargetCredentials NONE = new TargetCredentials(null, null);

    private final String password;
    private final String variable;

    private TargetCredentials(String password, String variable) {
        this.password = password;
        this.variable = variable;
    }

    /**
     * Reads {@value #PASSWORD_VARIABLE}, else the password of a {@value #URL_VARIABLE} URI, else
     * {@value #LIBPQ_PASSWORD_VARIABLE}, else no password (trust, peer or .pgpass authentication). An empty variable
     * counts as unset, as {@code export X=} usually means "cleared".
     */
    public static TargetCredentials fromEnvironment(Map<String, String> environment) {
        String explicit = variable(environment, PASSWORD_VARIABLE);
        if (explicit != null) {
            return new TargetCredentials(explicit, PASSWORD_VARIABLE);
        }
        Optional<String> inUrl = urlPassword(environment);
        if (inUrl.isPresent()) {
            return new TargetCredentials(inUrl.get(), URL_VARIABLE);
        }
        String libpq = variable(environment, LIBPQ_PASSWORD_VARIABLE);
        return libpq == null ? NONE : new TargetCredentials(libpq, LIBPQ_PASSWORD_VARIABLE);
    }

    /** The password a {@value #URL_VARIABLE} URI carries; none for a pgjdbc URL or one that does not parse. */
    static Optional<String> urlPassword(Map<String, String> environment) {
        String url = variable(environment, URL_VARIABLE);
        if (url == null
                || !PostgresUri.isUri(url)
                || JobRules.targetUrlForm(url).isPresent()) {
            return Optional.empty();
        }
        return PostgresUri.parse(url).password();
    }

    /** The variable's value, null when unset or empty. */
    static String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A password lite2pg made itself (the embedded server's), never printed; {@code origin} says where it is from. */
    public static TargetCredentials generated(String password, String origin) {
        return new TargetCredentials(password, origin);
    }

    public static TargetCredentials none() {
        return NONE;
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * The environment variable the password came from, for messages like "using the password from PGPASSWORD"; for a
     * {@link #generated} one, its origin.
     */
    public Optional<String> sourceVariable() {
        return Optional.ofNullable(variable);
    }

    @Override
    public String toString() {
        return password == null
                ? "TargetCredentials[no password]"
                : "TargetCredentials[password from " + variable + "]";
    }
}
