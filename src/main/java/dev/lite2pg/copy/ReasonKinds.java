package dev.lite2pg.copy;

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

    private ReasonKinds() {}

    public static String of(String reason) {
        // Digits first: a time such as 25:00 must not be cut at its colon below.
        String kind = QUOTED.matcher(NUMBERS.matcher(reason).replaceAll("#")).replaceAll("…");
        // What follows ": " is detail ("invalid JSON: Unexpected character ('x' ...)"): the part before names the kind.
        int detail = kind.indexOf(": ");
        return detail > 0 ? kind.substring(0, detail) : kind;
    }
}
