package dev.lite2pg.jobfile;

import java.util.Locale;
import java.util.Optional;

/** How source names find their target names when no explicit override is given. */
public enum NameRule {
    /** Exact name, then a unique case-insensitive match, then the snake_case form of the source name. */
    AUTO,
    /** Exact name only: for schemas that were created to match the source name for name. */
    EXACT;

    /** The spelling used in the job file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<NameRule> fromYaml(String text) {
        for (NameRule rule : values()) {
            if (rule.yamlName().equals(text)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
