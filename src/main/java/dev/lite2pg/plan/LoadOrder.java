package dev.lite2pg.plan;

import dev.lite2pg.model.TargetForeignKey;
import java.util.List;

/**
 * The order to fill tables in, and the foreign keys that order cannot satisfy.
 *
 * @param tables parents before children for every foreign key not in {@code brokenEdges}; ties by name
 * @param brokenEdges the foreign keys to drop before the copy and add back (validated) afterwards: every
 *     self-reference, and just enough keys to cut each cycle between tables; sorted by table, then name
 */
public record LoadOrder(List<String> tables, List<TargetForeignKey> brokenEdges) {
    public LoadOrder {
        tables = List.copyOf(tables);
        brokenEdges = List.copyOf(brokenEdges);
    }
}
