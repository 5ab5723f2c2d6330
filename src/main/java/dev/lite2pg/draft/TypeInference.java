package dev.lite2pg.draft;

import dev.lite2pg.draft.ColumnStats.Trial;
import dev.lite2pg.draft.DeclaredType.Affinity;
import dev.lite2pg.draft.DeclaredType.Hint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proposes a column's PostgreSQL type from its declaration and every one of its values: the richest type the data
 * proves, else the safe one (text, bigint, bytea) with the reason the richer type was not taken. A type is proposed
 * only when the copy's own converter for it accepted every value, so {@code check} of the draft agrees with it.
 * Pure: no database.
 */
final class TypeInference {

    private TypeInference() {}

    static ColumnProposal infer(ColumnFacts facts, ColumnStats stats) {
        DeclaredType declared = facts.declared();
        if (facts.rowidAlias()) {
            return new ColumnProposal(
                    "bigint",
                    Candidate.BIGINT,
                    true,
                    "bigint identity: INTEGER PRIMARY KEY (SQLite's rowid)"
                            + (facts.autoincrement()
                                    ? ", AUTOINCREMENT: the cutover moves the sequence past sqlite_sequence"
                                    : ""));
        }
        if (stats.nonNull == 0) {
            Candidate candidate = fromDeclaration(declared);
            return proposal(
                    candidate,
                    declared,
                    "from the " + declared.shown().replace("declared ", "declared type ") + ": "
                            + (stats.rows == 0 ? "no rows" : count(stats.rows) + " rows, all NULL"));
        }
        if (stats.oversized > 0) {
            Candidate candidate = declared.affinity() == Affinity.BLOB ? Candidate.BYTEA : Candidate.TEXT;
            return proposal(
                    candidate,
                    declared,
                    values(stats.oversized) + " too large to read, not judged, e.g. " + stats.firstOversized);
        }
        List<String> notes = new ArrayList<>();
        String n = values(stats.nonNull);

        // boolean
        boolean namedBoolean = BooleanNames.looksBoolean(facts.name());
        if (declared.hint() == Hint.BOOLEAN) {
            if (stats.accepts(Candidate.BOOLEAN)) {
                return proposal(
                        Candidate.BOOLEAN,
                        declared,
                        declared.shown() + ", " + n + ", all "
                                + (stats.zeroOrOne == stats.nonNull ? "0 or 1" : "0/1 or t/f/true/false"));
            }
            notes.add("not boolean despite " + declared.shown() + ": " + refusal(stats, Candidate.BOOLEAN));
        } else if ((namedBoolean || facts.zeroOrOneCheck()) && stats.integers == stats.nonNull) {
            String why = facts.zeroOrOneCheck()
                    ? "CHECK allows only 0 and 1"
                    : "name " + quoted(facts.name()) + " reads as a flag";
            if (stats.zeroOrOne == stats.nonNull) {
                return proposal(Candidate.BOOLEAN, declared, why + ", " + n + ", all 0 or 1");
            }
            notes.add("not boolean although " + why + ": " + stats.firstNotZeroOrOne);
        }

        boolean mixed = stats.texts > 0 && stats.integers + stats.reals > 0;
        if (mixed) {
            notes.add("mixes " + count(stats.integers + stats.reals) + " numbers (e.g. " + stats.firstNumber + ") and "
                    + count(stats.texts) + " texts (e.g. " + stats.firstText + ")");
        }
        if (stats.texts == stats.nonNull) {
            ColumnProposal fromText = fromText(facts, stats, notes, n);
            if (fromText != null) {
                return fromText;
            }
        }
        if ((declared.hint() == Hint.TIMESTAMP || declared.hint() == Hint.DATE)
                && stats.integers + stats.reals == stats.nonNull) {
            if (stats.accepts(Candidate.TIMESTAMP)) {
                return proposal(
                        Candidate.TIMESTAMP,
                        declared,
                        "epoch seconds in a column " + declared.shown() + ", " + n + " (read as UTC)");
            }
            if (stats.accepts(Candidate.TIMESTAMP_MILLIS)) {
                return proposal(
                        Candidate.TIMESTAMP_MILLIS,
                        declared,
                        "epoch milliseconds in a column " + declared.shown() + ", " + n + " (read as UTC; as seconds "
                                + refusal(stats, Candidate.TIMESTAMP) + "); the job file reads this column's numbers as"
                                + " milliseconds");
            }
            notes.add("not epoch seconds: " + refusal(stats, Candidate.TIMESTAMP));
        }
        if (stats.blobs == stats.nonNull) {
            boolean uuidNamed = declared.hint() == Hint.UUID
                    || facts.name().toLowerCase(Locale.ROOT).contains("uuid")
                    || facts.name().toLowerCase(Locale.ROOT).contains("guid");
            if (uuidNamed && stats.sixteenByteBlobs == stats.nonNull) {
                return proposal(
                        Candidate.UUID,
                        declared,
                        n + ", all 16-byte BLOBs, and the " + (declared.hint() == Hint.UUID ? "type" : "name")
                                + " says UUID");
            }
            return proposal(Candidate.BYTEA, declared, n + ", all BLOBs");
        }
        ColumnProposal fromDeclared = fromDeclaredFamily(declared, stats, notes, n);
        if (fromDeclared != null) {
            return fromDeclared;
        }
        if (stats.accepts(Candidate.TEXT)) {
            return proposal(Candidate.TEXT, declared, notes.isEmpty() ? n : String.join("; ", notes));
        }
        if (stats.accepts(Candidate.BYTEA)) {
            notes.add("text would refuse " + refusal(stats, Candidate.TEXT) + " (bytea keeps text as its bytes)");
            return proposal(Candidate.BYTEA, declared, String.join("; ", notes));
        }
        notes.add("no type takes every value: text refuses "
                + stats.trial(Candidate.TEXT).refusedShown() + ", e.g. " + refusal(stats, Candidate.TEXT)
                + "; check lists them all");
        return proposal(Candidate.TEXT, declared, String.join("; ", notes));
    }

    /** Every value is text: JSON, timestamps, UUIDs, a respected varchar(n); null when none of those. */
    private static ColumnProposal fromText(ColumnFacts facts, ColumnStats stats, List<String> notes, String n) {
        DeclaredType declared = facts.declared();
        if (stats.jsonShaped == stats.nonNull) {
            if (stats.accepts(Candidate.JSONB)) {
                return proposal(Candidate.JSONB, declared, n + ", all JSON objects or arrays");
            }
            if (stats.accepts(Candidate.JSON)) {
                return proposal(
                        Candidate.JSON,
                        declared,
                        n + ", all JSON objects or arrays, but jsonb would refuse "
                                + stats.trial(Candidate.JSONB).refusedShown() + ", e.g. "
                                + refusal(stats, Candidate.JSONB));
            }
            notes.add("not JSON: " + ofValues(stats.trial(Candidate.JSON), stats.nonNull) + " not JSON, e.g. "
                    + refusal(stats, Candidate.JSON));
        } else if (stats.jsonShaped * 2 >= stats.nonNull || declared.hint() == Hint.JSON) {
            notes.add("not JSON: " + ofValues(stats.nonNull - stats.jsonShaped, stats.nonNull)
                    + " not a JSON object or array, e.g. "
                    + stats.firstNotJsonShaped);
        }
        Trial zoned = stats.trial(Candidate.TIMESTAMPTZ);
        if (zoned.acceptsAll()) {
            if (stats.withOffset > 0) {
                return proposal(
                        Candidate.TIMESTAMPTZ,
                        declared,
                        "text timestamps, " + n + ", " + count(stats.withOffset) + " with a UTC offset, e.g. "
                                + stats.firstWithOffset
                                + (stats.withOffset < stats.nonNull ? "; those without one are read as UTC" : ""));
            }
            if (stats.dateOnly == stats.nonNull && stats.accepts(Candidate.DATE)) {
                return proposal(Candidate.DATE, declared, "text dates, " + n + ", all YYYY-MM-DD");
            }
            if (stats.accepts(Candidate.TIMESTAMP)) {
                return proposal(Candidate.TIMESTAMP, declared, "text timestamps, " + n + ", none with an offset");
            }
        } else if (!zoned.abandoned || declared.hint() == Hint.TIMESTAMP) {
            notes.add(ofValues(zoned, stats.nonNull) + " not a timestamp, e.g. " + zoned.firstRefusal);
        }
        if (stats.canonicalUuids == stats.nonNull && stats.accepts(Candidate.UUID)) {
            return proposal(Candidate.UUID, declared, n + ", all canonical 8-4-4-4-12 UUID text");
        }
        // SQLAlchemy's Uuid on SQLite: CHAR(32) of hex digits. Not VARCHAR(32): that is Alembic's version_num, and any
        // text.
        boolean declaredUuid = declared.hint() == Hint.UUID
                || declared.hint() == Hint.CHARACTER
                        && declared.length() == 32
                        && declared.text().toUpperCase(Locale.ROOT).matches("N?CHAR(ACTER)?\\s*\\(.*");
        if (declaredUuid
                && stats.bareHexUuids + stats.canonicalUuids == stats.nonNull
                && stats.accepts(Candidate.UUID)) {
            return proposal(
                    Candidate.UUID,
                    declared,
                    declared.shown() + ", " + n + ", all 32 hex digits (a UUID as SQLAlchemy's Uuid stores it)");
        }
        return null;
    }

    /** The type family the declaration names, when every value fits it; null otherwise (notes say why). */
    private static ColumnProposal fromDeclaredFamily(
            DeclaredType declared, ColumnStats stats, List<String> notes, String n) {
        if (declared.hint() == Hint.DECIMAL) {
            if (declared.precision() > 0) {
                if (stats.accepts(Candidate.DECLARED_NUMERIC)) {
                    return proposal(Candidate.DECLARED_NUMERIC, declared, declared.shown() + ", " + n + ", all fit");
                }
                notes.add(Candidate.DECLARED_NUMERIC.sql(declared) + " would refuse "
                        + refusal(stats, Candidate.DECLARED_NUMERIC));
            }
            if (stats.accepts(Candidate.NUMERIC)) {
                return proposal(
                        Candidate.NUMERIC, declared, join(declared.shown() + ", " + n + ", all numbers", notes));
            }
        }
        if (declared.hint() == Hint.CHARACTER) {
            if (stats.accepts(Candidate.DECLARED_VARCHAR)) {
                return proposal(
                        Candidate.DECLARED_VARCHAR,
                        declared,
                        join(
                                declared.shown() + ", " + n + ", longest " + count(stats.longestText) + " characters",
                                notes));
            }
            notes.add(Candidate.DECLARED_VARCHAR.sql(declared) + " would refuse "
                    + refusal(stats, Candidate.DECLARED_VARCHAR));
            return null;
        }
        boolean numbersOnly = stats.integers + stats.reals == stats.nonNull;
        if (stats.integers == stats.nonNull && stats.accepts(Candidate.BIGINT)) {
            return proposal(Candidate.BIGINT, declared, join(n + ", all integers", notes));
        }
        if (declared.affinity() == Affinity.REAL || numbersOnly && stats.reals > 0) {
            if (stats.accepts(Candidate.DOUBLE)) {
                return proposal(
                        Candidate.DOUBLE,
                        declared,
                        join(
                                declared.shown() + ", " + n + ": double precision holds every REAL exactly (real would"
                                        + " round)",
                                notes));
            }
            notes.add("double precision would refuse " + refusal(stats, Candidate.DOUBLE));
        }
        if (declared.affinity() == Affinity.INTEGER && !stats.accepts(Candidate.BIGINT)) {
            notes.add("bigint would refuse " + refusal(stats, Candidate.BIGINT));
        }
        return null;
    }

    /** For a column without a value: what its declaration most likely means. */
    static Candidate fromDeclaration(DeclaredType declared) {
        return switch (declared.hint()) {
            case BOOLEAN -> Candidate.BOOLEAN;
            case TIMESTAMP -> Candidate.TIMESTAMP;
            case DATE -> Candidate.DATE;
            case JSON -> Candidate.JSONB;
            case UUID -> Candidate.UUID;
            case DECIMAL -> declared.precision() > 0 ? Candidate.DECLARED_NUMERIC : Candidate.NUMERIC;
            case CHARACTER -> Candidate.DECLARED_VARCHAR;
            case NONE ->
                switch (declared.affinity()) {
                    case INTEGER -> Candidate.BIGINT;
                    case REAL -> Candidate.DOUBLE;
                    case NUMERIC -> Candidate.NUMERIC;
                    case BLOB -> declared.text().isEmpty() ? Candidate.TEXT : Candidate.BYTEA;
                    case TEXT -> Candidate.TEXT;
                };
        };
    }

    private static ColumnProposal proposal(Candidate candidate, DeclaredType declared, String why) {
        String sql = candidate.sql(declared);
        return new ColumnProposal(sql, candidate, false, sql + ": " + why);
    }

    private static String join(String first, List<String> notes) {
        return notes.isEmpty() ? first : first + "; " + String.join("; ", notes);
    }

    private static String refusal(ColumnStats stats, Candidate candidate) {
        return stats.trial(candidate).firstRefusal;
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    /** {@code 1 of 10 values is}, {@code 3 of 10 values are}. */
    static String ofValues(long some, long all) {
        return count(some) + " of " + values(all) + (some == 1 ? " is" : " are");
    }

    /** As {@link #ofValues(long, long)} for what a trial refused: {@code most of 10 values are} once it stopped. */
    static String ofValues(Trial trial, long all) {
        return trial.abandoned ? "most of " + values(all) + " are" : ofValues(trial.refused, all);
    }

    /** {@code 1 value}, {@code 1,234 values}. */
    static String values(long n) {
        return count(n) + (n == 1 ? " value" : " values");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
