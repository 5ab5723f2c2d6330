package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Differential test: lite2pg's json and jsonb converters must accept exactly the texts PostgreSQL's own input accepts,
 * apart from lite2pg's deliberate extra refusals (see {@link ExtraJsonRules}), over hand-picked tricky inputs and a
 * seeded random mix of valid and mutated documents.
 *
 * <p>Re-run with other random inputs: {@code -Dlite2pg.json.seed=N -Dlite2pg.json.cases=N} (defaults 1 and 6000).
 * The random inputs nest far below the depth at which PostgreSQL's recursive parser runs out of stack; that limit has
 * its own test.
 */
@ExtendWith(TestDatabaseExtension.class)
class JsonAgainstPostgresIT {

    private static final long SEED = Long.getLong("lite2pg.json.seed", 1);
    private static final int CASES = Integer.getInteger("lite2pg.json.cases", 6000);

    private static final List<String> EXTRA_JSONB_REASONS =
            List.of("duplicate key ", "jsonb cannot store ", "invalid JSON: unpaired surrogate escape in a string");

    @Test
    void convertersAgreeWithPostgresqlOnEveryInput(TestDatabase db) throws Exception {
        List<String> texts = inputs();
        List<PostgresJsonInput.Verdict> verdicts;
        try (Connection c = db.connect()) {
            verdicts = new PostgresJsonInput(c).verdicts(texts);
        }
        List<String> disagreements = new ArrayList<>();
        int[] tally = new int[4];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            PostgresJsonInput.Verdict pg = verdicts.get(i);
            ExtraJsonRules.Findings extra =
                    pg.jsonAccepted() ? ExtraJsonRules.of(text) : new ExtraJsonRules.Findings(false, false);
            String json = refusal(JsonConverter.JSON, text);
            String jsonb = refusal(JsonConverter.JSONB, text);
            boolean jsonExpected = pg.jsonAccepted() && !extra.unpairedSurrogate();
            boolean jsonbExpected = pg.jsonbAccepted() && !extra.duplicateKey();
            if ((json == null) != jsonExpected
                    || (jsonb == null) != jsonbExpected
                    || (pg.jsonAccepted() && jsonb != null && !isExtraJsonbReason(jsonb))) {
                disagreements.add(show(text) + "\n    PostgreSQL json: " + or(pg.jsonError()) + "; jsonb: "
                        + or(pg.jsonbError()) + "; extra rules: " + extra + "\n    lite2pg    json: " + or(json)
                        + "; jsonb: " + or(jsonb));
            }
            tally[0] += pg.jsonAccepted() ? 1 : 0;
            tally[1] += pg.jsonbAccepted() ? 1 : 0;
            tally[2] += extra.duplicateKey() ? 1 : 0;
            tally[3] += extra.unpairedSurrogate() ? 1 : 0;
        }
        System.out.printf(
                "JSON differential, seed %d: %d inputs, PostgreSQL accepted %d as json and %d as jsonb;"
                        + " %d with duplicate keys, %d with unpaired surrogates; %d disagreements%n",
                SEED, texts.size(), tally[0], tally[1], tally[2], tally[3], disagreements.size());
        assertThat(disagreements.size())
                .as(
                        "%d of %d inputs (seed %d) judged differently, first ones:%n%s",
                        disagreements.size(),
                        texts.size(),
                        SEED,
                        String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))))
                .isZero();
        // The inputs must exercise both verdicts and both extra rules, or agreement proves little.
        assertThat(tally[0]).as("accepted as json").isBetween(texts.size() / 5, texts.size() * 4 / 5);
        assertThat(tally[1]).as("accepted as jsonb").isGreaterThan(texts.size() / 5);
        assertThat(tally[2]).as("with duplicate keys").isGreaterThan(texts.size() / 50);
        assertThat(tally[3]).as("with unpaired surrogates").isGreaterThan(texts.size() / 200);
    }

    /**
     * PostgreSQL takes nesting up to {@link JsonValidator#MAX_DEPTH} (through a PL/pgSQL function, a deeper stack
     * than COPY's) and fails far deeper values on its stack; lite2pg refuses those itself, as a bad value.
     */
    @Test
    void postgresqlTakesNestingUpToTheValidatorsLimitWhichRefusesWhatPostgresqlCannotParse(TestDatabase db)
            throws Exception {
        int limit = JsonValidator.MAX_DEPTH;
        List<String> atLimit = List.of(
                "[".repeat(limit) + "]".repeat(limit),
                "{\"a\":".repeat(limit) + "1" + "}".repeat(limit),
                "[{\"a\":".repeat(limit / 2) + "1" + "}]".repeat(limit / 2));
        int far = 100_000;
        List<String> tooDeep =
                List.of("[".repeat(far) + "]".repeat(far), "{\"a\":".repeat(far) + "1" + "}".repeat(far));
        List<String> texts = new ArrayList<>(atLimit);
        texts.addAll(tooDeep);
        List<PostgresJsonInput.Verdict> verdicts;
        try (Connection c = db.connect()) {
            verdicts = new PostgresJsonInput(c).verdicts(texts);
        }
        for (int i = 0; i < atLimit.size(); i++) {
            assertThat(verdicts.get(i))
                    .as("PostgreSQL on text %d at the limit", i)
                    .isEqualTo(new PostgresJsonInput.Verdict(null, null));
            assertThat(refusal(JsonConverter.JSON, atLimit.get(i))).isNull();
            assertThat(refusal(JsonConverter.JSONB, atLimit.get(i))).isNull();
        }
        for (int i = 0; i < tooDeep.size(); i++) {
            PostgresJsonInput.Verdict pg = verdicts.get(atLimit.size() + i);
            assertThat(pg.jsonError()).startsWith("54001 stack depth limit exceeded");
            assertThat(pg.jsonbError()).startsWith("54001 stack depth limit exceeded");
            for (JsonConverter converter : List.of(JsonConverter.JSON, JsonConverter.JSONB)) {
                assertThat(refusal(converter, tooDeep.get(i)))
                        .startsWith("invalid JSON: nested deeper than " + limit + " levels at character ");
            }
        }
    }

    private static List<String> inputs() {
        Set<String> texts = new LinkedHashSet<>(TrickyJson.inputs());
        RandomJson random = new RandomJson(SEED);
        for (int i = 0; i < CASES; i++) {
            texts.add(i % 2 == 0 ? random.valid() : random.mutated());
        }
        return new ArrayList<>(texts);
    }

    /** The converter's reason for refusing the text, or null when it copies it. */
    private static String refusal(JsonConverter converter, String text) {
        try {
            String copied = converter.convert(text, ConversionNotes.IGNORE);
            assertThat(copied).isSameAs(text);
            return null;
        } catch (ConversionRefusedException e) {
            return e.getMessage();
        }
    }

    /** Text PostgreSQL reads as json is not a syntax error for jsonb: only the extra rules or jsonb's limits refuse it. */
    private static boolean isExtraJsonbReason(String reason) {
        return EXTRA_JSONB_REASONS.stream().anyMatch(reason::startsWith);
    }

    private static String or(String reason) {
        return reason == null ? "accepted" : reason;
    }

    /** The input as a Java string literal, shortened: control and non-ASCII characters as escapes. */
    private static String show(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(out.length() >= 300 ? "...\" (" + text.length() + " chars)" : "\"")
                .toString();
    }
}
