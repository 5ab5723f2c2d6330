package dev.lite2pg.report;

/**
 * A target table nothing was copied into: never checked, changed or emptied by the run, so its rows (seed data, the
 * application's own bookkeeping) are the target's; listed so that the operator sees what else the target holds.
 *
 * @param rows its row count after the run
 */
public record TargetOnlyTable(String name, long rows) {}
