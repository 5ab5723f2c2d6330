package dev.lite2pg.copy;

import java.util.List;

/**
 * Where a copy under {@code on-bad-row: fail} hands the rows it cannot copy exactly, instead of stopping at the first:
 * every copy step of the run shares one, so that once any bad row is known no step writes another chunk, and the
 * run can list every problem of the source when the copy is over. Safe to call from every copying thread.
 */
public interface RefusedRows {

    /** One bad row: every value of it the target refuses (at least one), as {@link RowConverter} names them. */
    void refuse(List<RowRefusal> row);

    /** Whether any step of the run has refused a row: from then on nothing more is worth writing. */
    boolean any();
}
