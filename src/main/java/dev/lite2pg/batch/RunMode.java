package dev.lite2pg.batch;

import dev.lite2pg.jobfile.BadRowPolicy;

/**
 * What a run is, as a value the steps ask: a cutover or a dry-run rehearsing one, and what it does with a bad row.
 *
 * @param onBadRow what this run does with a row the target would refuse (a dry-run quarantines, to find every one at once)
 * @param rehearsal a dry-run: its source may change under it, and its verdict speaks for the cutover it rehearses
 * @param cutoverOnBadRow the job file's own on-bad-row, which the real cutover follows
 */
record RunMode(BadRowPolicy onBadRow, boolean rehearsal, BadRowPolicy cutoverOnBadRow) {

    static RunMode cutover(BadRowPolicy onBadRow) {
        return new RunMode(onBadRow, false, onBadRow);
    }

    /** @param declared the job file's own on-bad-row, before the dry-run chose its own */
    static RunMode dryRun(BadRowPolicy onBadRow, BadRowPolicy declared) {
        return new RunMode(onBadRow, true, declared);
    }

    boolean quarantines() {
        return onBadRow == BadRowPolicy.QUARANTINE;
    }

    /** Rows this dry-run set aside would each stop the real cutover, which fails on a bad row. */
    boolean setAsideRowsFail() {
        return rehearsal && cutoverOnBadRow == BadRowPolicy.FAIL;
    }
}
