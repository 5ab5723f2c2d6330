package dev.lite2pg.jobfile;

import java.util.Locale;

/**
 * Finds and masks secrets in JDBC URLs. Plain string work rather than {@link java.net.URI}, because JDBC URLs
 * are not always valid URIs (unescaped characters in database names, several hosts separated by commas).
 */
final class JdbcUrls {
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final String MASK = "***";

    private JdbcUrls() {}

    /** True for {@code user:secret@host} and for a {@code password=} query parameter, the two forms pgjdbc accepts. */
    static boolean containsPassword(String url) {
        if (userInfoPasswordStart(head(url)) >= 0) {
            return true;
        }
        for (String parameter : query(url).split("&")) {
            if (key(parameter).equalsIgnoreCase("password")) {
                return true;
            }
        }
        return false;
    }

    /** Masks the user-info password and the value of every parameter whose name contains "password" (e.g. sslpassword). */
    static String redact(String url) {
        String head = head(url);
        int passwordStart = userInfoPasswordStart(head);
        if (passwordStart >= 0) {
            head = head.substring(0, passwordStart) + MASK + head.substring(head.indexOf('@', passwordStart));
        }
        int questionMark = url.indexOf('?');
        if (questionMark < 0) {
            return head;
        }
        StringBuilder result = new StringBuilder(head).append('?');
        String[] parameters = url.substring(questionMark + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i];
            boolean secret = parameter.contains("=")
                    && key(parameter).toLowerCase(Locale.ROOT).contains("password");
            result.append(i > 0 ? "&" : "").append(secret ? key(parameter) + "=" + MASK : parameter);
        }
        return result.toString();
    }

    private static String head(String url) {
        int questionMark = url.indexOf('?');
        return questionMark < 0 ? url : url.substring(0, questionMark);
    }

    private static String query(String url) {
        int questionMark = url.indexOf('?');
        return questionMark < 0 ? "" : url.substring(questionMark + 1);
    }

    private static String key(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    /** Index of the first password character in {@code //user:password@host}, or -1 when there is none. */
    private static int userInfoPasswordStart(String head) {
        int slashes = head.indexOf("//");
        if (slashes < 0) {
            return -1;
        }
        int authorityStart = slashes + 2;
        int authorityEnd = head.indexOf('/', authorityStart);
        String authority = head.substring(authorityStart, authorityEnd < 0 ? head.length() : authorityEnd);
        int at = authority.lastIndexOf('@');
        int colon = at < 0 ? -1 : authority.indexOf(':');
        return colon >= 0 && colon < at ? authorityStart + colon + 1 : -1;
    }
}
