package dev.lite2pg.batch;

import dev.lite2pg.copy.RowsRefusedException;
import dev.lite2pg.model.Lite2pgException;

/** The one place that picks, out of a chain of causes, the message an operator is shown (on stderr and in status). */
public final class FailureMessage {

    private FailureMessage() {}

    /** Ours when there is one (it says what to do), else the deepest cause's, which names the real problem. */
    public static String of(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Lite2pgException || t instanceof RowsRefusedException) {
                return t.getMessage();
            }
            deepest = t;
        }
        return deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
    }
}
