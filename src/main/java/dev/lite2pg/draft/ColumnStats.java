package dev.lite2pg.draft;

import dev.lite2pg.convert.ConversionNotes;
import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.ConversionRefusedException;
import dev.lite2pg.convert.ConverterResolver;
import dev.lite2pg.convert.ValueConverter;
import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.model.InvalidUtf8Text;
import dev.lite2pg.source.OversizedValue;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one column's values show, gathered one value at a time: how many of each storage class and shape, and for each
 * {@link Candidate} type how many values its converter refuses, with the first one. Fed by one thread at a time.
 */
final class ColumnStats {

    /**
     * A candidate's converter and what it refused. Once it has refused most of the values offered it is abandoned:
     * the type is out of the question, and a refusal is an exception, too costly to throw for every value of a
     * column of names (it made a Sakila draft ten times slower).
     */
    static final class Trial {
        final ValueConverter converter;
        long offered;
        long refused;
        boolean abandoned;
        String firstRefusal;

        Trial(ValueConverter converter) {
            this.converter = converter;
        }

        boolean acceptsAll() {
            return refused == 0;
        }

        /** How many values it refused, or {@code most} when it stopped counting. */
        String refusedShown() {
            return abandoned ? "most" : TypeInference.count(refused);
        }
    }

    private static final ConversionOptions MILLISECONDS = new ConversionOptions(
            java.time.ZoneOffset.UTC,
            dev.lite2pg.convert.OffsetReading.REFUSE,
            false,
            dev.lite2pg.convert.EpochNumbers.MILLISECONDS,
            Map.of());

    private final Map<Candidate, Trial> trials = new EnumMap<>(Candidate.class);

    long rows;
    long nonNull;
    long integers;
    long reals;
    long texts;
    long blobs;
    long invalidText;
    long oversized;
    long zeroOrOne;
    long withOffset;
    long dateOnly;
    long jsonShaped;
    long canonicalUuids;
    long bareHexUuids;
    long sixteenByteBlobs;
    long longestText;
    String firstNotZeroOrOne;
    String firstWithOffset;
    String firstNotJsonShaped;
    String firstOversized;
    String firstNumber;
    String firstText;

    ColumnStats(DeclaredType declared) {
        for (Candidate candidate : Candidate.values()) {
            if (candidate == Candidate.DECLARED_NUMERIC && declared.precision() < 0
                    || candidate == Candidate.DECLARED_VARCHAR && declared.length() < 0
                    || candidate == Candidate.TIMESTAMP_MILLIS && !declared.temporal()) {
                continue;
            }
            // The job the draft writes keeps the default conversions (epoch seconds, naive times read as UTC), except
            // for a column of epoch milliseconds, which it names.
            trials.put(
                    candidate,
                    new Trial(ConverterResolver.resolve(
                            candidate.targetType(declared),
                            candidate == Candidate.TIMESTAMP_MILLIS ? MILLISECONDS : ConversionOptions.DEFAULTS)));
        }
    }

    /** The trial of a candidate; null for a declared numeric(p,s) or varchar(n) the declaration does not give. */
    Trial trial(Candidate candidate) {
        return trials.get(candidate);
    }

    boolean accepts(Candidate candidate) {
        Trial trial = trials.get(candidate);
        return trial != null && trial.acceptsAll();
    }

    /** @param key the row's key (rowid or primary key values), for the examples */
    void offer(Object value, Object[] key) {
        rows++;
        if (value == null) {
            return;
        }
        nonNull++;
        if (value instanceof OversizedValue o) {
            if (oversized++ == 0) {
                firstOversized = example(key, o.toString());
            }
            return;
        }
        observe(value, key);
        for (Trial trial : trials.values()) {
            if (trial.abandoned) {
                continue;
            }
            trial.offered++;
            try {
                trial.converter.convert(value, ConversionNotes.IGNORE);
            } catch (ConversionRefusedException e) {
                if (trial.refused++ == 0) {
                    trial.firstRefusal = example(key, ValueDescriptions.describe(value)) + ": " + e.getMessage();
                }
                trial.abandoned = trial.refused > 1 && trial.refused * 2 > trial.offered;
            }
        }
    }

    private void observe(Object value, Object[] key) {
        if (value instanceof Long l) {
            integers++;
            if (l == 0 || l == 1) {
                zeroOrOne++;
            }
        } else if (value instanceof Double) {
            reals++;
        } else if (value instanceof String s) {
            texts++;
            longestText = Math.max(longestText, s.codePointCount(0, s.length()));
            observeText(s, key);
        } else if (value instanceof InvalidUtf8Text) {
            texts++;
            invalidText++;
        } else if (value instanceof byte[] b) {
            blobs++;
            if (b.length == 16) {
                sixteenByteBlobs++;
            }
        }
        if ((value instanceof Long || value instanceof Double) && firstNumber == null) {
            firstNumber = example(key, ValueDescriptions.describe(value));
        }
        if (value instanceof String && firstText == null) {
            firstText = example(key, ValueDescriptions.describe(value));
        }
        if (!(value instanceof Long l && (l == 0 || l == 1)) && firstNotZeroOrOne == null) {
            firstNotZeroOrOne = example(key, ValueDescriptions.describe(value));
        }
        if (!(value instanceof String s && isJsonShaped(s)) && firstNotJsonShaped == null) {
            firstNotJsonShaped = example(key, ValueDescriptions.describe(value));
        }
    }

    private void observeText(String s, Object[] key) {
        if (isJsonShaped(s)) {
            jsonShaped++;
        }
        if (s.length() == 10) {
            dateOnly++;
        } else if (hasOffset(s) && withOffset++ == 0) {
            firstWithOffset = example(key, ValueDescriptions.describe(s));
        }
        if (isCanonicalUuid(s)) {
            canonicalUuids++;
        } else if (isBareHex(s)) {
            bareHexUuids++;
        }
    }

    /** An object or an array: a lone number, string or literal is as likely plain text that happens to parse. */
    static boolean isJsonShaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /**
     * Whether a text timestamp carries a UTC offset. Only asked of text that may be a timestamp: after its date
     * (10 characters) a {@code Z} or a sign can only start an offset.
     */
    static boolean hasOffset(String s) {
        for (int i = 10; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** 8-4-4-4-12 hex digits: the form an application writes a UUID in, not just any 32 hex digits. */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isBareHex(String s) {
        if (s.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code row 17 TEXT 'n/a'}: the row by its key, then the value. */
    static String example(Object[] key, String described) {
        StringBuilder row = new StringBuilder("row ");
        if (key.length == 1) {
            row.append(shownKey(key[0]));
        } else {
            row.append('(');
            for (int i = 0; i < key.length; i++) {
                row.append(i == 0 ? "" : ", ").append(shownKey(key[i]));
            }
            row.append(')');
        }
        return row.append(' ').append(described).toString();
    }

    private static String shownKey(Object part) {
        return part instanceof Long || part == null ? String.valueOf(part) : ValueDescriptions.describe(part);
    }
}
