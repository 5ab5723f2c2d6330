package dev.lite2pg.demo;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Forty products: REAL prices with at most two decimals (including 0.1, 0.05 and one of 12.5 million, which Java
 * prints as 1.25E7), comma-separated tags, JSON attributes, BLOB thumbnails (one empty) and epoch-second timestamps.
 */
final class Products {

    static final int COUNT = 40;

    private static final String[] SPECIAL_NAMES = {
        "Valve cap", "Bell 🔔 \"Ding\"", "Cargo bike frame", "Sticker", "Fleet deal: 250 city bikes"
    };
    private static final long[] SPECIAL_CENTS = {10, 1_999, 125_000, 5, 1_250_000_000};
    private static final String[] TAGS = {
        "road,carbon", "city", "kids,sale", null, "gravel,carbon,sale", "e-bike,cargo bike"
    };
    private static final String[] COLORS = {"red", "black", "white", "mint green"};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final long FIRST_UPDATE = 1_700_000_000L;

    private Products() {}

    static void insert(Connection connection) throws SQLException {
        try (TableInserter products = new TableInserter(
                connection,
                "Product",
                "ProductId",
                "Sku",
                "Name",
                "UnitPrice",
                "IsDiscontinued",
                "Tags",
                "Attributes",
                "Thumbnail",
                "UpdatedAt")) {
            for (int id = 1; id <= COUNT; id++) {
                products.row(
                        (long) id,
                        sku(id),
                        name(id),
                        priceCents(id) / 100.0,
                        id % 9 == 0 ? 1L : 0L,
                        TAGS[id % TAGS.length],
                        attributes(id),
                        thumbnail(id),
                        FIRST_UPDATE + id * 86_413L);
            }
        }
    }

    /**
     * The price in whole cents. Dividing by 100.0 gives the double nearest to the two-decimal price, the same double
     * the literal would give, so the stored REAL prints back as at most two decimals.
     */
    static long priceCents(int id) {
        if (id <= SPECIAL_CENTS.length) {
            return SPECIAL_CENTS[id - 1];
        }
        return isBike(id) ? 49_900 + id * 2_550L : 250 + id * 137L;
    }

    private static boolean isBike(int id) {
        return id <= 20;
    }

    private static String sku(int id) {
        String family = id <= SPECIAL_NAMES.length ? "SP" : isBike(id) ? "BK" : "AC";
        return String.format("%s-%04d", family, id);
    }

    private static String name(int id) {
        if (id <= SPECIAL_NAMES.length) {
            return SPECIAL_NAMES[id - 1];
        }
        return isBike(id) ? "Road bike R" + id : "Accessory kit " + id;
    }

    private static String attributes(int id) {
        if (id % 5 == 0) {
            return null;
        }
        return String.format(
                "{\"color\": \"%s\", \"weight_kg\": %d.%d, \"sizes\": [%d, %d]}",
                COLORS[id % COLORS.length], 1 + id % 12, id % 10, 50 + id % 3 * 2, 54 + id % 3 * 2);
    }

    /** A PNG-like header then bytes that include 0x00, 0x5C (backslash) and 0xFF; none for every fourth product. */
    private static byte[] thumbnail(int id) {
        if (id % 4 == 0) {
            return null;
        }
        if (id == 3) {
            return new byte[0];
        }
        byte[] bytes = new byte[PNG_SIGNATURE.length + 8 + id];
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        for (int i = PNG_SIGNATURE.length; i < bytes.length; i++) {
            bytes[i] = (byte) (id * 31 + i * 23);
        }
        bytes[PNG_SIGNATURE.length] = 0x00;
        bytes[PNG_SIGNATURE.length + 1] = '\\';
        bytes[PNG_SIGNATURE.length + 2] = (byte) 0xff;
        return bytes;
    }
}
