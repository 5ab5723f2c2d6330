package dev.lite2pg.sqlite;

import java.util.Optional;

/** Which of SQLite's own checks the source must pass before anything is read ({@code source.integrity-check}). */
public enum IntegrityCheck {
    /**
     * {@code PRAGMA quick_check}: every page, b-tree and record of the file, in linear time. It skips what
     * {@code integrity_check} adds at O(N log N), that each index holds exactly its table's rows; lite2pg reads tables
     * through their own b-trees, never through a secondary index, so this is the default.
     */
    QUICK("quick", "quick_check"),
    /** {@code PRAGMA integrity_check}: also every index against its table, for plans that ask for it. */
    FULL("full", "integrity_check");

    private final String yaml;
    private final String pragma;

    IntegrityCheck(String yaml, String pragma) {
        this.yaml = yaml;
        this.pragma = pragma;
    }

    /** The pragma's name, as the messages say it. */
    public String pragma() {
        return pragma;
    }

    public static Optional<IntegrityCheck> fromYaml(String text) {
        for (IntegrityCheck c : values()) {
            if (c.yaml.equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
