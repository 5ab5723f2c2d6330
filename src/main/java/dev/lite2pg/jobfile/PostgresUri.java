package dev.lite2pg.jobfile;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A libpq connection URI ({@code postgresql://user:password@host:port/db?sslmode=require}, the form of
 * {@code DATABASE_URL} and of psql), turned into the pgjdbc URL the rest of lite2pg uses, with the user and password
 * taken out. {@link #toString()} never shows the password.
 *
 * <p>Percent-encoding follows libpq: {@code %XX} is decoded everywhere and {@code +} stays a plus. pgjdbc decodes the
 * database name and parameter values with {@code URLDecoder}, so they are encoded again for it.
 */
public final class PostgresUri {
    private static final String[] SCHEMES = {"postgresql://", "postgres://"};
    /** libpq's parameter names where pgjdbc spells the same setting differently; the others mean the same to both. */
    private static final Map<String, String> PGJDBC_NAMES =
            Map.of("application_name", "ApplicationName", "connect_timeout", "connectTimeout");

    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PostgresUri(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** True for {@code postgresql://} and {@code postgres://}, the two schemes libpq accepts. */
    public static boolean isUri(String url) {
        for (String scheme : SCHEMES) {
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws IllegalArgumentException when the URI is malformed; the message never contains the password
     */
    public static PostgresUri parse(String uri) {
        if (!isUri(uri)) {
            throw new IllegalArgumentException("must start with postgresql:// or postgres://");
        }
        String rest = uri.substring(uri.indexOf("://") + 3);
        int questionMark = rest.indexOf('?');
        String query = questionMark < 0 ? "" : rest.substring(questionMark + 1);
        rest = questionMark < 0 ? rest : rest.substring(0, questionMark);
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        rest = rest.substring(at + 1);
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1), "the database name");

        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "the password");
        }
        StringBuilder parameters = new StringBuilder();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("parameter '" + safe(parameter) + "' is not NAME=VALUE");
            }
            String name = decode(parameter.substring(0, equals), "a parameter name");
            String value = decode(parameter.substring(equals + 1), "the value of " + name);
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "host", "hostaddr", "port", "dbname" ->
                    throw new IllegalArgumentException("parameter " + name + " is not supported: write it into the URI"
                            + " (postgresql://USER@HOST:PORT/DB)");
                default ->
                    parameters
                            .append(parameters.isEmpty() ? '?' : '&')
                            .append(PGJDBC_NAMES.getOrDefault(name, name))
                            .append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        String jdbcUrl = JdbcUrls.POSTGRES_PREFIX + "//" + jdbcHosts(hosts) + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + parameters;
        return new PostgresUri(jdbcUrl, user == null || user.isEmpty() ? null : user, password);
    }

    /** The pgjdbc URL: hosts, ports, database and parameters, never the user or password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Package-private: only {@link TargetCredentials} may hold it. */
    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public boolean hasPassword() {
        return password != null;
    }

    @Override
    public String toString() {
        return "PostgresUri[" + jdbcUrl + ", user=" + user + (password == null ? "" : ", password hidden") + "]";
    }

    /** {@code host:port,[::1]:5433} as pgjdbc reads it; an empty host is localhost, as for libpq. */
    private static String jdbcHosts(String hosts) {
        StringBuilder result = new StringBuilder();
        for (String spec : hosts.split(",", -1)) {
            String host;
            String port;
            if (spec.startsWith("[")) {
                int close = spec.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("IPv6 host '" + spec + "' lacks its closing ]");
                }
                host = spec.substring(0, close + 1);
                port = spec.substring(close + 1);
            } else {
                int colon = spec.indexOf(':');
                host = decode(colon < 0 ? spec : spec.substring(0, colon), "the host");
                port = colon < 0 ? "" : spec.substring(colon);
            }
            if (host.startsWith("/")) {
                throw new IllegalArgumentException(
                        "host " + host + " is a Unix-domain socket, which pgjdbc cannot" + " use: give HOST:PORT");
            }
            if (!port.isEmpty() && !port.matches(":[0-9]{1,5}")) {
                throw new IllegalArgumentException(
                        "port '" + port.substring(1) + "' of host " + host + " is not a number");
            }
            result.append(result.isEmpty() ? "" : ",")
                    .append(host.isEmpty() ? "localhost" : host)
                    .append(port);
        }
        return result.toString();
    }

    /** libpq's percent-decoding: {@code %XX} is a byte of UTF-8, {@code +} is a plus. */
    private static String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            int percent = text.indexOf('%', i);
            if (percent != i) {
                int end = percent < 0 ? text.length() : percent;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            if (i + 2 >= text.length()
                    || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                throw new IllegalArgumentException("bad percent-encoding in " + what);
            }
            bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A parameter as written, unless it may be a password. */
    private static String safe(String parameter) {
        return parameter.toLowerCase(Locale.ROOT).contains("password") ? "password=***" : parameter;
    }
}
