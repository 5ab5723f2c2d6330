package dev.lite2pg.plan;

import dev.lite2pg.model.TargetForeignKey;
import java.util.List;

/**
 * Sakila's foreign keys between its 15 tables, as declared in
 * /work/shared/datasets/sakila/postgres-schema/V1__sakila_schema.sql (the payment_p2007_* children left out).
 */
final class SakilaKeys {
    static final List<String> TABLES = List.of(
            "actor",
            "address",
            "category",
            "city",
            "country",
            "customer",
            "film",
            "film_actor",
            "film_category",
            "inventory",
            "language",
            "payment",
            "rental",
            "staff",
            "store");

    private SakilaKeys() {}

    static List<TargetForeignKey> all() {
        return List.of(
                key("address_city_id_fkey", "address", "city_id", "city", "city_id"),
                key("city_country_id_fkey", "city", "country_id", "country", "country_id"),
                key("customer_address_id_fkey", "customer", "address_id", "address", "address_id"),
                key("customer_store_id_fkey", "customer", "store_id", "store", "store_id"),
                key("film_actor_actor_id_fkey", "film_actor", "actor_id", "actor", "actor_id"),
                key("film_actor_film_id_fkey", "film_actor", "film_id", "film", "film_id"),
                key("film_category_category_id_fkey", "film_category", "category_id", "category", "category_id"),
                key("film_category_film_id_fkey", "film_category", "film_id", "film", "film_id"),
                key("film_language_id_fkey", "film", "language_id", "language", "language_id"),
                key("film_original_language_id_fkey", "film", "original_language_id", "language", "language_id"),
                key("inventory_film_id_fkey", "inventory", "film_id", "film", "film_id"),
                key("inventory_store_id_fkey", "inventory", "store_id", "store", "store_id"),
                key("payment_customer_id_fkey", "payment", "customer_id", "customer", "customer_id"),
                key("payment_rental_id_fkey", "payment", "rental_id", "rental", "rental_id"),
                key("payment_staff_id_fkey", "payment", "staff_id", "staff", "staff_id"),
                key("rental_customer_id_fkey", "rental", "customer_id", "customer", "customer_id"),
                key("rental_inventory_id_fkey", "rental", "inventory_id", "inventory", "inventory_id"),
                key("rental_staff_id_fkey", "rental", "staff_id", "staff", "staff_id"),
                key("staff_address_id_fkey", "staff", "address_id", "address", "address_id"),
                key("staff_store_id_fkey", "staff", "store_id", "store", "store_id"),
                key("store_address_id_fkey", "store", "address_id", "address", "address_id"),
                key("store_manager_staff_id_fkey", "store", "manager_staff_id", "staff", "staff_id"));
    }

    private static TargetForeignKey key(
            String name, String table, String column, String referencedTable, String referencedColumn) {
        return new TargetForeignKey(
                name,
                table,
                List.of(column),
                referencedTable,
                List.of(referencedColumn),
                "FOREIGN KEY (" + column + ") REFERENCES " + referencedTable + "(" + referencedColumn
                        + ") ON UPDATE CASCADE ON DELETE RESTRICT");
    }
}
