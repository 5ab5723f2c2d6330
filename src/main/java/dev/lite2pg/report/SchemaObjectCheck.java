package dev.lite2pg.report;

/**
 * One index or constraint of the target schema after the run: what the migrations created must be there and
 * usable, including everything lite2pg dropped for the copy and re-created.
 *
 * @param kind {@code index}, {@code primary key}, {@code unique}, {@code foreign key}, {@code check} or {@code exclusion}
 * @param deferred lite2pg dropped it for the copy and re-created it afterwards
 * @param valid an index PostgreSQL can use (built, not left invalid by a failed build); a constraint that is validated
 */
public record SchemaObjectCheck(
        String kind, String table, String name, boolean deferred, boolean present, boolean valid) {

    public boolean ok() {
        return present && valid;
    }
}
