package dev.lite2pg.copy;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.plan.NameMapper;
import dev.lite2pg.plan.NameMapping;
import dev.lite2pg.plan.ParentsFirstOrder;
import dev.lite2pg.plan.TableOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything decided before the first row moves: which source table and column feeds which target one, the
 * parents-first order tables are listed in, and one {@link TableCopy} per table with its converters. Built from the two catalogs
 * only, so the cutover's precheck and plan steps and {@code check} plan identically, and tests need no database.
 *
 * @param mapping the name mapping; its problems stop a cutover (see {@link Unmapped})
 * @param order the mapped target tables, parents first
 * @param copies one per mapped table, parents first
 * @param foreignKeys every foreign key of the target schema
 */
public record CopyPlan(
        NameMapping mapping, ParentsFirstOrder order, List<TableCopy> copies, List<TargetForeignKey> foreignKeys) {

    public CopyPlan {
        copies = List.copyOf(copies);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** What planning does with a source name that maps to nothing. */
    public enum Unmapped {
        /** A cutover: no row may move while one does; the refusal lists every one. */
        REFUSE,
        /** {@code check}: the names are in the plan's mapping problems, for the check's report. */
        REPORT
    }

    /** The one planner: the cutover's steps and {@code check} both plan with it, and differ only in {@code unmapped}. */
    public static CopyPlan build(
            List<SourceTable> source,
            List<TargetTable> target,
            String targetSchema,
            MappingSpec spec,
            ConversionOptions options,
            Unmapped unmapped) {
        NameMapping mapping = withConversionKeysChecked(NameMapper.map(source, target, spec), options);
        List<TargetForeignKey> keys =
                target.stream().flatMap(t -> t.foreignKeys().stream()).toList();
        List<String> tablesToCopy =
                mapping.tables().stream().map(m -> m.target().name()).toList();
        ParentsFirstOrder order = TableOrder.order(tablesToCopy, keys);
        List<TableCopy> copies = CopyPlanner.plan(mapping.tables(), order.tables(), targetSchema, options);
        CopyPlan plan = new CopyPlan(mapping, order, copies, keys);
        return unmapped == Unmapped.REFUSE ? plan.requireMapped(targetSchema) : plan;
    }

    /**
     * A per-column conversion option whose key names no copied column would be silently ignored, and the values it was
     * meant for read another way: it is a mapping problem like a misspelt column override.
     */
    private static NameMapping withConversionKeysChecked(NameMapping mapping, ConversionOptions options) {
        Set<String> copied = new HashSet<>();
        mapping.tables()
                .forEach(t -> t.columns()
                        .forEach(c ->
                                copied.add(t.source().name() + "." + c.source().name())));
        List<String> problems = new ArrayList<>(mapping.problems());
        for (String key : options.columns().keySet()) {
            if (!copied.contains(key)) {
                problems.add("conversions.columns.\"" + key + "\": no copied source column " + key
                        + " (keys are <source table>.<source column> as the SQLite file spells them)");
            }
        }
        return problems.size() == mapping.problems().size()
                ? mapping
                : new NameMapping(mapping.tables(), problems, mapping.targetOnlyTables(), mapping.targetOnlyColumns());
    }

    /** This plan, or a refusal listing every name that maps to nothing: no row may move while one does. */
    private CopyPlan requireMapped(String targetSchema) {
        if (mapping.hasProblems()) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "the source does not map onto the target schema " + targetSchema + "; nothing was written:\n  - "
                            + String.join("\n  - ", mapping.problems()));
        }
        return this;
    }
}
