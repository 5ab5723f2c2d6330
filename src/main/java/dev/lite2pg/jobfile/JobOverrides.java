package dev.lite2pg.jobfile;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What overrides the job file, as the ecosystem layers it: the environment ({@value TargetCredentials#URL_VARIABLE},
 * {@value TargetCredentials#USER_VARIABLE}) over the file, the command line over both. A URI's user counts as given
 * where the URI is given. Holds no password: that stays in {@link TargetCredentials}.
 *
 * @param source null keeps the file's
 * @param targetUrl null keeps the file's; a pgjdbc URL or a libpq URI without password
 * @param targetUser null keeps the file's (or, with a new URL and none in the file, {@value TargetSpec#DEFAULT_USER})
 * @param targetSchema null keeps the file's
 */
public record JobOverrides(Path source, String targetUrl, String targetUser, String targetSchema) {

    public static final JobOverrides NONE = new JobOverrides(null, null, null, null);

    /**
     * The command line's values over the environment's.
     *
     * @throws Lite2pgException with {@link ErrorCode#USAGE} when the environment's URL is malformed, or carries a
     *     password while --target-url names the server: that password is not for it
     */
    public static JobOverrides of(
            Path source, String targetUrl, String targetUser, String targetSchema, Map<String, String> environment) {
        String environmentUrl = TargetCredentials.variable(environment, TargetCredentials.URL_VARIABLE);
        String environmentUser = TargetCredentials.variable(environment, TargetCredentials.USER_VARIABLE);
        if (environmentUrl != null) {
            JobRules.targetUrlForm(environmentUrl).ifPresent(problem -> {
                throw new Lite2pgException(ErrorCode.USAGE, TargetCredentials.URL_VARIABLE + ": " + problem);
            });
        }
        boolean passwordInEnvironment = environmentUrl != null && JdbcUrls.containsPassword(environmentUrl);
        if (targetUrl != null && passwordInEnvironment) {
            throw new Lite2pgException(
                    ErrorCode.USAGE,
                    "--target-url names the target, but " + TargetCredentials.URL_VARIABLE
                            + " holds a password, which is not for that server: unset "
                            + TargetCredentials.URL_VARIABLE + " or drop --target-url");
        }
        if (targetUrl != null) {
            return new JobOverrides(source, targetUrl, targetUser != null ? targetUser : environmentUser, targetSchema);
        }
        if (environmentUrl == null) {
            return new JobOverrides(source, null, targetUser != null ? targetUser : environmentUser, targetSchema);
        }
        // The environment's URL without its password (TargetCredentials reads that), with its user as given there.
        String url = environmentUrl;
        String user = targetUser != null ? targetUser : environmentUser;
        if (PostgresUri.isUri(environmentUrl)) {
            PostgresUri uri = PostgresUri.parse(environmentUrl);
            url = uri.jdbcUrl();
            user = user != null ? user : uri.user().orElse(null);
        } else if (passwordInEnvironment) {
            throw new Lite2pgException(
                    ErrorCode.USAGE,
                    TargetCredentials.URL_VARIABLE + ": a jdbc: URL must not contain a password: set "
                            + TargetCredentials.PASSWORD_VARIABLE + " instead, or give a postgresql:// URI");
        }
        return new JobOverrides(source, url, user, targetSchema);
    }

    /** True when the job file's target.user may be left out: a user, or a whole target, is given here. */
    boolean givesUser() {
        // A URL given here replaces the file's, whose user is then not needed either.
        return targetUser != null || targetUrl != null;
    }
}
