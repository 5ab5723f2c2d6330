package dev.lite2pg.jobfile;

import java.util.Locale;
import java.util.Optional;

/** What a run does with a source row whose values cannot be copied exactly (job file key {@code on-bad-row}). */
public enum BadRowPolicy {
    /** Nothing is written while any bad row is known; every bad value is listed. The default: no surprises. */
    FAIL,
    /**
     * Bad rows, and rows whose parent row was set aside, go to the quarantine table in the repository schema with
     * their key, the whole source row and the reason; everything else is copied, and validation reconciles
     * source rows = target rows + quarantined rows.
     */
    QUARANTINE;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<BadRowPolicy> fromYaml(String text) {
        for (BadRowPolicy p : values()) {
            if (p.yaml().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
