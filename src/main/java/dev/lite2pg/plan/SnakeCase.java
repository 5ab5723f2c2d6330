package dev.lite2pg.plan;

import java.util.Locale;

/**
 * The snake_case form of a source name, the last guess of {@link dev.lite2pg.jobfile.NameRule#AUTO}.
 *
 * <p>An underscore goes before each capital that follows a lower-case letter or a digit ({@code InvoiceLineId} →
 * {@code invoice_line_id}, {@code Address2Line} → {@code address2_line}), and before the last capital of an
 * acronym when a lower-case letter follows it ({@code HTMLParser} → {@code html_parser}), so acronyms stay one
 * word. Digits never start a word ({@code Line2} → {@code line2}, {@code userID2} → {@code user_id2}). Runs of
 * spaces and hyphens become one underscore ({@code "Mixed Case"} → {@code mixed_case}), because a snake_case
 * schema does not keep them. Everything is then lower-cased.
 */
public final class SnakeCase {
    private SnakeCase() {}

    public static String of(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        boolean separatorPending = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                // Deferred so that leading, trailing and repeated separators add nothing.
                separatorPending = out.length() > 0;
                continue;
            }
            boolean wordStart = Character.isUpperCase(c) && i > 0 && startsWord(name, i);
            if ((separatorPending || wordStart)
                    && out.length() > 0
                    && out.charAt(out.length() - 1) != '_'
                    && c != '_') {
                out.append('_');
            }
            separatorPending = false;
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWord(String name, int i) {
        char previous = name.charAt(i - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        return Character.isUpperCase(previous) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
    }
}
