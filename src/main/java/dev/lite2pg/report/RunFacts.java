package dev.lite2pg.report;

/**
 * What a report says about the run itself rather than the data: which lite2pg wrote it, whether it was a rehearsal or
 * a resume, and how long this launch took, so a report read weeks later still says what it stands for.
 *
 * @param version lite2pg's version, as its jar's manifest names it
 * @param dryRun the run rehearsed a cutover ({@code dry-run}): its target was a staging one, its verdict a forecast
 * @param resumed the run continued an earlier run of the job that had stopped, from that run's snapshot
 * @param durationMillis from this launch's start (before Spring, the run lock and the snapshot) to its report: the
 *     time between launches does not count
 */
public record RunFacts(String version, boolean dryRun, boolean resumed, long durationMillis) {

    /** The version of the lite2pg that is running: its jar's, or "development build" outside one (IDE, tests). */
    public static String thisVersion() {
        String version = RunFacts.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
