package dev.lite2pg.report;

import dev.lite2pg.model.ErrorCode;

import java.util.Locale;

/** What a report's verdict means to the shell and to the eye. */
public final class Verdicts {

    public static final String PASS_WITH_WARNINGS = "PASS WITH WARNINGS";

    private static final int PASSED = 0;

    /** How a verdict looks: a passing run is green, a passing run with warnings amber, anything else red. */
    public enum Tone { PASS, WARN, FAIL }

    private Verdicts() {
    }

    /** The process exit code a verdict maps to; a verdict this version does not know is not a pass. */
    public static int exitCode(String verdict) {
        return tone(verdict) == Tone.FAIL ? ErrorCode.VALIDATION_FAILED.exitCode() : PASSED;
    }

    public static Tone tone(String verdict) {
        String normalized = verdict == null ? "" : verdict.strip().toUpperCase(Locale.ROOT);
        return switch (normalized) {
            case RunReport.PASS -> Tone.PASS;
            case PASS_WITH_WARNINGS -> Tone.WARN;
            default -> Tone.FAIL;
        };
    }
}
