package dev.lite2pg.plan;

import dev.lite2pg.model.TargetForeignKey;
import java.util.List;

/**
 * Tables with every parent before its children, and the foreign keys no such order can satisfy. The copy does not
 * follow it (every foreign key is deferred and the largest tables go first); it is the order tables are listed in by
 * the plan step, {@code check}, {@code status} and the report, and the cycle keys the plan step names.
 *
 * @param tables parents before children for every foreign key not in {@code cycleKeys}; ties by name
 * @param cycleKeys every self-reference, and just enough keys to cut each cycle between tables; sorted by table,
 *     then name
 */
public record ParentsFirstOrder(List<String> tables, List<TargetForeignKey> cycleKeys) {
    public ParentsFirstOrder {
        tables = List.copyOf(tables);
        cycleKeys = List.copyOf(cycleKeys);
    }
}
