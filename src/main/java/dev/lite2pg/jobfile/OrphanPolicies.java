package dev.lite2pg.jobfile;

import dev.lite2pg.model.TargetForeignKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The job's {@code orphans}: one policy for every foreign key, and overrides for single keys. An override is keyed by
 * the target table and the key's referencing columns as the migrations name them ({@code "orders.alert_id"}, several
 * columns joined by commas: {@code "line.order_id,order_no"}): the constraint is the target's, and that is how the
 * scan, the quarantine table and the report name it.
 *
 * @param fallback the policy of every foreign key without an override
 * @param foreignKeys overrides, in file order
 */
public record OrphanPolicies(OrphanPolicy fallback, Map<String, OrphanPolicy> foreignKeys) {
    public OrphanPolicies {
        Objects.requireNonNull(fallback, "fallback");
        foreignKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(foreignKeys));
    }

    public static OrphanPolicies of(OrphanPolicy policy) {
        return new OrphanPolicies(policy, Map.of());
    }

    /** How an override names {@code key}. */
    public static String overrideName(TargetForeignKey key) {
        return key.table() + "." + String.join(",", key.columns());
    }

    public OrphanPolicy policyFor(TargetForeignKey key) {
        return foreignKeys.getOrDefault(overrideName(key), fallback);
    }

    /** Overrides that name none of {@code keys}: a typo would otherwise leave that key under the default policy. */
    public List<String> unknownOverrides(Collection<TargetForeignKey> keys) {
        List<String> unknown = new ArrayList<>(foreignKeys.keySet());
        keys.forEach(k -> unknown.remove(overrideName(k)));
        return unknown;
    }

    /** Some foreign key's orphans are resolved after the copy instead of stopping the run. */
    public boolean resolvesAny() {
        return all().anyMatch(p -> p != OrphanPolicy.FAIL);
    }

    /** Some foreign key's orphans stop the run. */
    public boolean failsAny() {
        return all().anyMatch(p -> p == OrphanPolicy.FAIL);
    }

    private Stream<OrphanPolicy> all() {
        return Stream.concat(Stream.of(fallback), foreignKeys.values().stream());
    }

    /** A dry-run finds every orphan at once instead of stopping at them, and rehearses set-null and delete as they are. */
    OrphanPolicies rehearsed() {
        Map<String, OrphanPolicy> rehearsed = new LinkedHashMap<>();
        foreignKeys.forEach((k, p) -> rehearsed.put(k, p.rehearsed()));
        return new OrphanPolicies(fallback.rehearsed(), rehearsed);
    }
}
