package dev.lite2pg.check;

import dev.lite2pg.copy.CopyPlan;
import dev.lite2pg.jobfile.OrphanPolicies;
import dev.lite2pg.jobfile.OrphanPolicy;
import dev.lite2pg.model.TargetForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place that says what the job's {@code orphans} policy makes of the orphan references a scan found, so that
 * {@code check} judges them as the cutover will: under {@code fail} each stops the run; under the other policies the
 * cutover resolves them, except {@code set-null} on a NOT NULL column, which it refuses before writing anything.
 */
public final class OrphanJudgement {

    private OrphanJudgement() {}

    /**
     * Per foreign key with orphans and a NOT NULL column among its columns, why {@code orphans: set-null} cannot
     * resolve them; empty when it can (or there are none).
     *
     * @param orphans per foreign key ({@code table.name}), as {@link ScanResult#orphans()}
     */
    public static List<String> setNullRefusals(CopyPlan plan, Map<String, Long> orphans, OrphanPolicies policies) {
        List<String> refused = new ArrayList<>();
        for (TargetForeignKey key : plan.foreignKeys()) {
            long n = orphans.getOrDefault(key.displayName(), 0L);
            if (n == 0 || policies.policyFor(key) != OrphanPolicy.SET_NULL) {
                continue;
            }
            plan.copies().stream()
                    .filter(c -> c.targetTable().equals(key.table()))
                    .findFirst()
                    .ifPresent(copy -> {
                        List<String> notNull = key.columns().stream()
                                .filter(col -> {
                                    int i = copy.targetColumns().indexOf(col);
                                    return i >= 0 && copy.notNull()[i];
                                })
                                .toList();
                        if (!notNull.isEmpty()) {
                            refused.add("foreign key " + key.name() + " on " + key.table() + ": " + n
                                    + " orphan reference(s), but " + String.join(", ", notNull)
                                    + " is NOT NULL in the target");
                        }
                    });
        }
        return refused;
    }

    /** Orphan references of the foreign keys whose policy is fail: each stops the cutover. */
    public static long failing(CopyPlan plan, Map<String, Long> orphans, OrphanPolicies policies) {
        return plan.foreignKeys().stream()
                .filter(key -> policies.policyFor(key) == OrphanPolicy.FAIL)
                .mapToLong(key -> orphans.getOrDefault(key.displayName(), 0L))
                .sum();
    }

    /** One warning per policy other than fail, for the orphans of the foreign keys it governs. */
    public static List<String> warnings(CopyPlan plan, Map<String, Long> orphans, OrphanPolicies policies) {
        Map<OrphanPolicy, Map<String, Long>> byPolicy = new java.util.EnumMap<>(OrphanPolicy.class);
        for (TargetForeignKey key : plan.foreignKeys()) {
            long n = orphans.getOrDefault(key.displayName(), 0L);
            if (n > 0) {
                byPolicy.computeIfAbsent(policies.policyFor(key), p -> new java.util.LinkedHashMap<>())
                        .put(key.displayName(), n);
            }
        }
        List<String> warnings = new ArrayList<>();
        byPolicy.forEach((policy, counts) -> warning(policy, counts).ifPresent(warnings::add));
        return warnings;
    }

    /** What {@code check} reports about orphans a policy other than fail resolves; empty under fail or with none. */
    public static Optional<String> warning(OrphanPolicy policy, Map<String, Long> orphans) {
        long total = orphans.values().stream().mapToLong(Long::longValue).sum();
        if (policy == OrphanPolicy.FAIL || total == 0) {
            return Optional.empty();
        }
        String done = switch (policy) {
            case FAIL, QUARANTINE -> "quarantine them, with their children";
            case SET_NULL -> "set their references to NULL, keeping the rows";
            case DELETE -> "delete them, with their children";
        };
        return Optional.of(total + " orphan reference(s), per foreign key: "
                + orphans.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + "; the cutover will " + done + " (orphans: " + policy.yaml()
                + "), recording each in the quarantine table; every one is listed in bad-values.csv");
    }
}
