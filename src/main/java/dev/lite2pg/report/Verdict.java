package dev.lite2pg.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.lite2pg.model.ErrorCode;
import java.util.List;
import java.util.Locale;

/**
 * What an operator signs off on, for a cutover's report and for {@code check}: written as its label (report.json,
 * check.json, the console, the pages), so the files read as they always did.
 */
public enum Verdict {
    /** Every check passed. */
    PASS("PASS"),
    /** Every check passed, with warnings to read before sign-off (rows set aside, values changed as asked). */
    PASS_WITH_WARNINGS("PASS WITH WARNINGS"),
    /** A check failed: the target is not what the source holds. */
    FAIL("FAIL");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The verdict these problems and warnings make. */
    public static Verdict of(List<String> problems, List<String> warnings) {
        return !problems.isEmpty() ? FAIL : !warnings.isEmpty() ? PASS_WITH_WARNINGS : PASS;
    }

    /** A verdict as a report file spells it; case and surrounding space do not matter. */
    @JsonCreator
    public static Verdict parse(String label) {
        String normalized = label == null ? "" : label.strip().toUpperCase(Locale.ROOT);
        for (Verdict v : values()) {
            if (v.label.equals(normalized)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + label);
    }

    public boolean passed() {
        return this != FAIL;
    }

    /** The process exit code this verdict maps to: a pass exits as a success, a fail as the validation failure it is. */
    public int exitCode() {
        return passed() ? ErrorCode.SUCCESS : ErrorCode.VALIDATION_FAILED.exitCode();
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
