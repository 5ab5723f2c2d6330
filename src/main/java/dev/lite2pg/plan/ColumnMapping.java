package dev.lite2pg.plan;

import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.TargetColumn;
import java.util.Objects;

/** One source column copied into one target column. */
public record ColumnMapping(SourceColumn source, TargetColumn target) {
    public ColumnMapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
