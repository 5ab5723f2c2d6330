package dev.lite2pg.draft;

import dev.lite2pg.convert.ConversionNotes;
import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.ConversionRefusedException;
import dev.lite2pg.convert.ConverterResolver;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.draft.SqlToken.Kind;
import java.util.List;
import java.util.Locale;

/**
 * Translates a column's SQLite DEFAULT into PostgreSQL for the column's drafted type. A literal goes through the
 * copy's own converter for that type, so a default means what a copied value would (0/1 on a boolean become false and
 * true); SQLite's ways of saying "now" become PostgreSQL's, in UTC as SQLite's are; anything else is refused.
 */
final class DefaultTranslator {

    private static final String UTC_NOW = "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";

    private DefaultTranslator() {}

    /** @return null SQL for DEFAULT NULL, which PostgreSQL has anyway */
    static Translation translate(String sqliteDefault, DraftColumn column) {
        List<SqlToken> tokens = SqlToken.tokenize(sqliteDefault);
        while (tokens.size() >= 2
                && tokens.get(0).kind() == Kind.OPEN
                && SqlToken.matching(tokens, 0) == tokens.size() - 1) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        Candidate type = column.proposal().candidate();
        if (tokens.size() == 1 && tokens.get(0).isWord("NULL")) {
            return Translation.of(null);
        }
        String now = now(tokens);
        if (now != null) {
            return nowFor(now, type, column.proposal().sqlType(), sqliteDefault);
        }
        Object value = literal(tokens);
        if (value == null) {
            return Translation.refused("DEFAULT " + sqliteDefault + " is a SQLite expression");
        }
        ValueConverter converter = ConverterResolver.resolve(
                type.targetType(DeclaredType.of(column.proposal().sqlType())), ConversionOptions.DEFAULTS);
        String converted;
        try {
            converted = converter.convert(value, ConversionNotes.IGNORE);
        } catch (ConversionRefusedException e) {
            return Translation.refused("DEFAULT " + sqliteDefault + " does not fit "
                    + column.proposal().sqlType() + ": " + e.getMessage());
        }
        return switch (type) {
            case BOOLEAN -> Translation.of(converted.equals("t") ? "true" : "false");
            case BIGINT, DOUBLE, NUMERIC, DECLARED_NUMERIC ->
                Translation.of(converted.startsWith("-") ? "(" + converted + ")" : converted);
            default -> Translation.of(Names.literal(converted));
        };
    }

    /** A number (with its sign) or a string; null for anything else. */
    private static Object literal(List<SqlToken> tokens) {
        boolean negative = false;
        int i = 0;
        if (tokens.size() == 2 && tokens.get(0).kind() == Kind.OPERATOR) {
            String sign = tokens.get(0).text();
            if (!sign.equals("-") && !sign.equals("+")) {
                return null;
            }
            negative = sign.equals("-");
            i = 1;
        }
        if (tokens.size() != i + 1) {
            return null;
        }
        SqlToken t = tokens.get(i);
        if (t.kind() == Kind.STRING && i == 0) {
            return t.text();
        }
        if (t.kind() != Kind.NUMBER) {
            return null;
        }
        String text = (negative ? "-" : "") + t.text();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    /** {@code timestamp}, {@code date}, {@code time} or {@code epoch} when the tokens are one of SQLite's "now"s. */
    private static String now(List<SqlToken> tokens) {
        if (tokens.size() == 1 && tokens.get(0).kind() == Kind.WORD) {
            return switch (tokens.get(0).upper()) {
                case "CURRENT_TIMESTAMP" -> "timestamp";
                case "CURRENT_DATE" -> "date";
                case "CURRENT_TIME" -> "time";
                default -> null;
            };
        }
        if (tokens.size() < 4
                || tokens.get(0).kind() != Kind.WORD
                || tokens.get(1).kind() != Kind.OPEN) {
            return null;
        }
        List<String> args = tokens.subList(2, tokens.size() - 1).stream()
                .filter(t -> t.kind() != Kind.COMMA)
                .map(t -> t.kind() == Kind.STRING ? t.text().toLowerCase(Locale.ROOT) : "?" + t.text())
                .toList();
        String function = tokens.get(0).text().toLowerCase(Locale.ROOT);
        if (function.equals("datetime") && args.equals(List.of("now"))) {
            return "timestamp";
        }
        if (function.equals("date") && args.equals(List.of("now"))) {
            return "date";
        }
        if (function.equals("strftime") && args.equals(List.of("%s", "now"))) {
            return "epoch";
        }
        if (function.equals("strftime") && args.equals(List.of("%y-%m-%d %h:%m:%s", "now"))) {
            return "timestamp";
        }
        return null;
    }

    private static Translation nowFor(String now, Candidate type, String sqlType, String written) {
        return switch (type) {
            case TIMESTAMP, TIMESTAMP_MILLIS ->
                Translation.of(now.equals("date") ? "CURRENT_DATE::timestamp" : UTC_NOW);
            case TIMESTAMPTZ -> Translation.of("CURRENT_TIMESTAMP");
            case DATE -> Translation.of(UTC_NOW + "::date");
            case BIGINT, NUMERIC, DOUBLE, DECLARED_NUMERIC ->
                now.equals("epoch")
                        ? Translation.of("(floor(extract(epoch from CURRENT_TIMESTAMP))::bigint)")
                        : Translation.refused("DEFAULT " + written + " writes text into a " + sqlType + " column");
            case TEXT, DECLARED_VARCHAR ->
                switch (now) {
                    case "timestamp" -> Translation.of("to_char" + "(" + UTC_NOW + ", 'YYYY-MM-DD HH24:MI:SS')");
                    case "date" -> Translation.of("to_char" + "(" + UTC_NOW + ", 'YYYY-MM-DD')");
                    case "time" -> Translation.of("to_char" + "(" + UTC_NOW + ", 'HH24:MI:SS')");
                    default -> Translation.of("(floor(extract(epoch from CURRENT_TIMESTAMP))::bigint)::text");
                };
            default -> Translation.refused("DEFAULT " + written + " on a " + sqlType + " column");
        };
    }
}
