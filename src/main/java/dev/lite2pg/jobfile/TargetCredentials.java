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

    private static final TargetCredentials NONE = new TargetCredentials(null, null);

    private final String password;
    private final String variable;

    private TargetCredentials(String password, String variable) {
        this.password = password;
        this.variable = variable;
    }

    /**
     * Reads {@value #PASSWORD_VARIABLE}, else {@value #LIBPQ_PASSWORD_VARIABLE}, else no password (trust, peer or
     * .pgpass authentication). An empty variable counts as unset, as {@code export X=} usually means "cleared".
     */
    public static TargetCredentials fromEnvironment(Map<String, String> environment) {
        for (String variable : new String[] {PASSWORD_VARIABLE, LIBPQ_PASSWORD_VARIABLE}) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return new TargetCredentials(value, variable);
            }
        }
        return NONE;
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
