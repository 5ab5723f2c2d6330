package dev.lite2pg.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of a conversion refusal: its reason with what varies from value to value taken out, so that a million bad
 * dates are one line with a count instead of a million lines. {@code 2023-02-30 is not a valid date} and
 * {@code 2021-04-31 is not a valid date} are both {@code # is not a valid date}; {@code invalid JSON: Unexpected
 * end-of-input ...} is {@code invalid JSON}. The examples kept for each kind still show the full reason.
 */
public final class ReasonKinds {

    /**
     * Numbers, dates, times and offsets: digits with the punctuation they are written with, but not digits that are
     * part of a name ({@code UTF-8}, {@code int4}, {@code \\u0000}).
     */
    private static final Pattern NUMBERS = Pattern.compile("(?<![A-Za-z0-9_\\\\-])[-+]?[0-9][0-9.:+\\-eE]*");

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

    /** What varies, in one pass: a quoted text (which may hold digits) or a number. */
    private static final Pattern VARYING = Pattern.compile(QUOTED.pattern() + "|" + NUMBERS.pattern());

    /** Where the reasons of a kind say different things. */
    static final String DIFFERS = "…";

    private ReasonKinds() {}

    public static String of(String reason) {
        // Digits first: a time such as 25:00 must not be cut at its colon below.
        String kind = QUOTED.matcher(NUMBERS.matcher(reason).replaceAll("#")).replaceAll("…");
        // What follows ": " is detail ("invalid JSON: Unexpected character ('x' ...)"): the part before names the kind.
        int detail = kind.indexOf(": ");
        return detail > 0 ? kind.substring(0, detail) : kind;
    }

    /**
     * What reasons of one kind all say, for a header people read: the first reason's words, with {@value #DIFFERS}
     * where a later one said otherwise ({@code needs scale …; column allows numeric(5,1)}), never the kind's {@code #}
     * placeholders. Start with {@link #wording(String)}, fold each further reason in with {@link #merge}, render with
     * {@link #text}.
     *
     * @return literal and varying parts, alternating, literal first and last
     */
    public static String[] wording(String reason) {
        List<String> parts = new ArrayList<>();
        Matcher m = VARYING.matcher(reason);
        int literalStart = 0;
        while (m.find()) {
            parts.add(reason.substring(literalStart, m.start()));
            parts.add(m.group());
            literalStart = m.end();
        }
        parts.add(reason.substring(literalStart));
        return parts.toArray(String[]::new);
    }

    /** {@code wording} with every varying part {@code reason} says otherwise replaced, in place; null when unalike. */
    public static String[] merge(String[] wording, String reason) {
        if (wording == null) {
            return null;
        }
        String[] other = wording(reason);
        if (other.length != wording.length) {
            return null;
        }
        for (int i = 0; i < wording.length; i += 2) {
            if (!wording[i].equals(other[i])) {
                return null;
            }
        }
        for (int i = 1; i < wording.length; i += 2) {
            if (!wording[i].equals(other[i])) {
                wording[i] = DIFFERS;
            }
        }
        return wording;
    }

    /**
     * The header of a group of reasons of kind {@code kind}: the shared wording, cut where the kind is cut; with no
     * shared wording (null), the kind with {@value #DIFFERS} for its placeholders.
     */
    public static String text(String[] wording, String kind) {
        if (wording == null) {
            return kind.replace("#", DIFFERS);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < wording.length; i++) {
            int detail = i % 2 == 0 ? wording[i].indexOf(": ") : -1;
            if (detail >= 0) {
                return text.append(wording[i], 0, detail).toString();
            }
            text.append(wording[i]);
        }
        return text.toString();
    }
}
