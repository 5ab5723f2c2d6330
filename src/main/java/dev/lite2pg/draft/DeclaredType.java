package dev.lite2pg.draft;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQLite column's declared type says, read as SQLite's own affinity rules read it (section 3.1 of "Datatypes In
 * SQLite") plus the hints a draft can use: a declared boolean, date/time, JSON or UUID, a numeric's precision and scale,
 * a character type's length. SQLite enforces none of it; the values decide, the declaration only breaks ties.
 *
 * @param length the n of VARCHAR(n), CHAR(n), NVARCHAR(n), ...; -1 when none
 * @param precision the p of NUMERIC(p[,s]) or DECIMAL(p[,s]); -1 when none
 * @param scale the s of NUMERIC(p,s); 0 when only p is given
 */
record DeclaredType(String text, Affinity affinity, Hint hint, int length, int precision, int scale) {

    enum Affinity {
        INTEGER,
        TEXT,
        BLOB,
        REAL,
        NUMERIC
    }

    enum Hint {
        NONE,
        BOOLEAN,
        TIMESTAMP,
        DATE,
        JSON,
        UUID,
        DECIMAL,
        CHARACTER
    }

    private static final Pattern ONE_NUMBER = Pattern.compile("\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern TWO_NUMBERS = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    static DeclaredType of(String declared) {
        String text = declared == null ? "" : declared.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        Affinity affinity = affinity(upper);
        Hint hint = Hint.NONE;
        int length = -1;
        int precision = -1;
        int scale = 0;
        if (upper.equals("BOOLEAN") || upper.equals("BOOL")) {
            hint = Hint.BOOLEAN;
        } else if (upper.startsWith("DATETIME") || upper.startsWith("TIMESTAMP")) {
            hint = Hint.TIMESTAMP;
        } else if (upper.equals("DATE")) {
            hint = Hint.DATE;
        } else if (upper.equals("JSON") || upper.equals("JSONB")) {
            hint = Hint.JSON;
        } else if (upper.contains("UUID") || upper.contains("GUID")) {
            hint = Hint.UUID;
        } else if (upper.startsWith("NUMERIC") || upper.startsWith("DECIMAL")) {
            hint = Hint.DECIMAL;
            Matcher two = TWO_NUMBERS.matcher(upper);
            Matcher one = ONE_NUMBER.matcher(upper);
            if (two.find()) {
                precision = Integer.parseInt(two.group(1));
                scale = Integer.parseInt(two.group(2));
            } else if (one.find()) {
                precision = Integer.parseInt(one.group(1));
            }
        } else if (affinity == Affinity.TEXT && !upper.contains("TEXT") && !upper.contains("CLOB")) {
            Matcher one = ONE_NUMBER.matcher(upper);
            if (one.find()) {
                hint = Hint.CHARACTER;
                length = Integer.parseInt(one.group(1));
            }
        }
        if (hint == Hint.DECIMAL && (precision == 0 || precision > 1000 || scale > precision)
                || hint == Hint.CHARACTER && (length == 0 || length > 10_485_760)) {
            // Outside what PostgreSQL's numeric(p,s) and varchar(n) accept: the values decide alone.
            return new DeclaredType(text, affinity, Hint.NONE, -1, -1, 0);
        }
        return new DeclaredType(text, affinity, hint, length, precision, scale);
    }

    /** SQLite's five rules, in its order. */
    private static Affinity affinity(String upper) {
        if (upper.contains("INT")) {
            return Affinity.INTEGER;
        }
        if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT")) {
            return Affinity.TEXT;
        }
        if (upper.contains("BLOB") || upper.isEmpty()) {
            return Affinity.BLOB;
        }
        if (upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB")) {
            return Affinity.REAL;
        }
        return Affinity.NUMERIC;
    }

    /** Declared DATETIME, TIMESTAMP or DATE: numbers in it are taken for epoch times. */
    boolean temporal() {
        return hint == Hint.TIMESTAMP || hint == Hint.DATE;
    }

    /** How a comment names the declaration: {@code declared NVARCHAR(160)}, or {@code no declared type}. */
    String shown() {
        return text.isEmpty() ? "no declared type" : "declared " + text;
    }
}
