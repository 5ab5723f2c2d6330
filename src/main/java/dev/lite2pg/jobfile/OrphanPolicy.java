package dev.lite2pg.jobfile;

import java.util.Locale;
import java.util.Optional;

/**
 * What a run does with a copied row whose parent row is not in the target (job file key {@code orphans}): a reference
 * the source never enforced (SQLite's foreign keys off, a parent purged without its children), or a child of a row set
 * aside. Every row changed or removed is recorded in the quarantine table with its original values and the reason.
 */
public enum OrphanPolicy {
    /** Any orphan reference in the source stops the run before anything is written, listing every one. */
    FAIL,
    /** The orphan goes to the quarantine table (origin PARENT), and its own children after it. */
    QUARANTINE,
    /**
     * What {@code ON DELETE SET NULL} would have done: the referencing columns become NULL, the row stays in the target,
     * and its original values are recorded (origin SET_NULL). Refused for a foreign key with a NOT NULL column.
     */
    SET_NULL,
    /**
     * What {@code ON DELETE CASCADE} would have done: the orphan is removed from the target, and its children in turn,
     * each recorded with its values (origin DELETED).
     */
    DELETE;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Without an {@code orphans} key, orphans are treated like bad rows: the behaviour before the key existed. */
    static OrphanPolicy following(BadRowPolicy onBadRow) {
        return onBadRow == BadRowPolicy.QUARANTINE ? QUARANTINE : FAIL;
    }

    /** A dry-run finds every orphan at once instead of stopping at them, and rehearses set-null and delete as they are. */
    OrphanPolicy rehearsed() {
        return this == FAIL ? QUARANTINE : this;
    }

    static Optional<OrphanPolicy> fromYaml(String text) {
        for (OrphanPolicy p : values()) {
            if (p.yaml().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
