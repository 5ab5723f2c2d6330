package dev.lite2pg.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 150 orders in the keyword-named table "Order" (with a "User" column) and their 375 lines in the WITHOUT ROWID
 * table OrderLine. Order time is TEXT, ship time epoch seconds; a third of the orders came from the web shop and
 * have no staff member.
 */
final class Orders {

    static final int COUNT = 150;
    static final int LINES = 375;

    private static final String[] STATUSES = {
        "CANCELLED", "NEW", "NEW", "PAID", "PAID", "SHIPPED", "SHIPPED", "SHIPPED", "SHIPPED", "SHIPPED"
    };
    private static final LocalDateTime FIRST_ORDER = LocalDateTime.of(2023, 1, 2, 9, 0);
    private static final Duration ORDER_INTERVAL = Duration.ofMinutes(11 * 60 + 7);

    private Orders() {}

    static void insert(Connection connection) throws SQLException {
        try (TableInserter orders = new TableInserter(
                        connection,
                        "Order",
                        "OrderId",
                        "CustomerId",
                        "StoreId",
                        "StaffId",
                        "User",
                        "Status",
                        "OrderedAt",
                        "ShippedAt");
                TableInserter lines = new TableInserter(
                        connection, "OrderLine", "OrderId", "LineNo", "ProductId", "Quantity", "UnitPrice")) {
            for (int id = 1; id <= COUNT; id++) {
                long storeId = 1 + id % StoresAndStaff.STORES;
                Long staffId = id % 3 == 0 ? null : staffFor(storeId, id);
                String status = STATUSES[id % STATUSES.length];
                LocalDateTime orderedAt = orderedAt(id);
                Long shippedAt =
                        status.equals("SHIPPED") ? DemoTimestamps.epochSeconds(orderedAt) + 86_400 + id * 97L : null;
                orders.row(
                        (long) id,
                        1L + (id * 37L) % Customers.KEPT,
                        storeId,
                        staffId,
                        staffId == null ? "web" : StoresAndStaff.login(staffId),
                        status,
                        DemoTimestamps.text(orderedAt, id + 3),
                        shippedAt);
                insertLines(lines, id);
            }
        }
    }

    private static void insertLines(TableInserter lines, int orderId) throws SQLException {
        int lineCount = 1 + orderId % 4;
        for (int lineNo = 1; lineNo <= lineCount; lineNo++) {
            int productId = 1 + (orderId * 7 + lineNo * 11) % Products.COUNT;
            long cents = Products.priceCents(productId);
            if (orderId % 5 == 0) {
                cents = cents * 9 / 10; // 10 % off, whole cents
            }
            lines.row((long) orderId, (long) lineNo, (long) productId, 1L + (orderId + lineNo) % 5, cents / 100.0);
        }
    }

    private static long staffFor(long storeId, int orderId) {
        List<Long> staff = StoresAndStaff.staffOf(storeId);
        return staff.get(orderId % staff.size());
    }

    private static LocalDateTime orderedAt(int id) {
        long micros = (id * 654_321L) % 1_000_000L;
        return FIRST_ORDER.plus(ORDER_INTERVAL.multipliedBy(id)).plusNanos(micros * 1_000);
    }
}
