package dev.lite2pg.copy;

import java.util.List;

/** A chunk holding values that cannot be copied exactly: nothing of it is written. */
public class RowsRefusedException extends RuntimeException {

    private static final int SHOWN = 20;

    private final int total;

    public RowsRefusedException(List<RowRefusal> refusals, int total) {
        super(message(refusals, total));
        this.total = total;
    }

    public int total() {
        return total;
    }

    public static int shownLimit() {
        return SHOWN;
    }

    private static String message(List<RowRefusal> refusals, int total) {
        StringBuilder text = new StringBuilder()
                .append(total)
                .append(total == 1 ? " value" : " values")
                .append(" refused, nothing of this chunk was written:");
        refusals.forEach(r -> text.append("\n  ").append(r));
        if (total > refusals.size()) {
            text.append("\n  ... and ").append(total - refusals.size()).append(" more in this chunk");
        }
        return text.toString();
    }
}
