package dev.lite2pg.model;

/**
 * One index or constraint of a target table, as the catalog shows it.
 *
 * @param kind {@code index}, {@code primary key}, {@code unique}, {@code foreign key}, {@code check} or {@code exclusion}
 * @param valid an index built and ready; a constraint validated
 */
public record SchemaObject(String kind, String table, String name, boolean valid) {

    /** {@code table.name}: how deferred objects are recorded, names being unique per table. */
    public String key() {
        return table + "." + name;
    }
}
