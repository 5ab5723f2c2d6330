package dev.lite2pg.batch;

import dev.lite2pg.jobfile.BadRowPolicy;
import dev.lite2pg.jobfile.OrphanPolicies;
import dev.lite2pg.jobfile.OrphanPolicy;
import dev.lite2pg.model.TargetForeignKey;

/**
 * What a run is, as a value the steps ask: a cutover or a dry-run rehearsing one, and what it does with a bad row.
 *
 * @param onBadRow what this run does with a row the target would refuse (a dry-run quarantines, to find every one at once)
 * @param rehearsal a dry-run: its source may change under it, and its verdict speaks for the cutover it rehearses
 * @param cutoverOnBadRow the job file's own on-bad-row, which the real cutover follows
 * @param orphans what this run does with a copied row whose parent row is not in the target
 * @param cutoverOrphans the job file's own orphans, which the real cutover follows
 */
record RunMode(
        BadRowPolicy onBadRow,
        boolean rehearsal,
        BadRowPolicy cutoverOnBadRow,
        OrphanPolicies orphans,
        OrphanPolicies cutoverOrphans) {

    static RunMode cutover(BadRowPolicy onBadRow) {
        return cutover(
                onBadRow,
                OrphanPolicies.of(onBadRow == BadRowPolicy.QUARANTINE ? OrphanPolicy.QUARANTINE : OrphanPolicy.FAIL));
    }

    static RunMode cutover(BadRowPolicy onBadRow, OrphanPolicies orphans) {
        return new RunMode(onBadRow, false, onBadRow, orphans, orphans);
    }

    /** @param declared the job file's own on-bad-row, before the dry-run chose its own; orphans follow it */
    static RunMode dryRun(BadRowPolicy onBadRow, BadRowPolicy declared) {
        OrphanPolicy declaredOrphans =
                declared == BadRowPolicy.QUARANTINE ? OrphanPolicy.QUARANTINE : OrphanPolicy.FAIL;
        return dryRun(
                onBadRow, declared, OrphanPolicies.of(OrphanPolicy.QUARANTINE), OrphanPolicies.of(declaredOrphans));
    }

    /** @param declaredOrphans the job file's own orphans, before the dry-run chose its own */
    static RunMode dryRun(
            BadRowPolicy onBadRow, BadRowPolicy declared, OrphanPolicies orphans, OrphanPolicies declaredOrphans) {
        return new RunMode(onBadRow, true, declared, orphans, declaredOrphans);
    }

    /**
     * Source orphans of some foreign key do not stop this run: they are quarantined, set to NULL or deleted after the
     * copy (the precheck stopped the run on any orphan of a key whose policy is fail).
     */
    boolean resolvesOrphans() {
        return orphans.resolvesAny();
    }

    /** Rows may have to leave the target or change after the copy: orphans, or children of rows set aside. */
    boolean handlesOrphansAfterCopy() {
        return quarantines() || resolvesOrphans();
    }

    boolean quarantines() {
        return onBadRow == BadRowPolicy.QUARANTINE;
    }

    /** Rows this dry-run set aside would each stop the real cutover, which fails on a bad row. */
    boolean setAsideRowsFail() {
        return rehearsal && cutoverOnBadRow == BadRowPolicy.FAIL;
    }

    /** Orphans of {@code key} this dry-run resolved would each stop the real cutover, which fails on them. */
    boolean setAsideOrphansFail(TargetForeignKey key) {
        return rehearsal && cutoverOrphans.policyFor(key) == OrphanPolicy.FAIL;
    }
}
