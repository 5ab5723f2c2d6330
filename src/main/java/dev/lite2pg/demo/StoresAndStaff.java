package dev.lite2pg.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Three stores and fifteen staff. Store.ManagerId and Staff.StoreId form a cycle with NOT NULL on both sides, and
 * Staff.ReportsTo points into its own table with managers and the owner (12) coming after the people who report to
 * them in rowid order: no table order loads these with the foreign keys enforced row by row.
 */
final class StoresAndStaff {

    static final int STORES = 3;
    static final int STAFF = 15;

    private record Store(long id, String name, String city, long managerId, String openedAt) {}

    /** @param mailbox the ASCII local part of the work e-mail address */
    private record Member(
            long id,
            long storeId,
            Long reportsTo,
            String firstName,
            String lastName,
            String mailbox,
            boolean active,
            String hiredAt) {}

    private static final List<Store> STORE_ROWS = List.of(
            new Store(1, "Downtown", "Göteborg", 7, "2015-03-02 09:00:00"),
            new Store(2, "Harbour", "Malmö", 2, "2017-06-15T10:30:00"),
            new Store(3, "Old Town", "Stockholm", 14, "2019-11-01 08:00:00.25"));

    private static final List<Member> STAFF_ROWS = List.of(
            new Member(1, 1, 7L, "Åsa", "Lindqvist", "asa.lindqvist", true, "2016-02-01 08:00:00"),
            new Member(2, 2, 12L, "Björn", "Nyström", "bjorn.nystrom", true, "2017-05-02T08:30:00"),
            new Member(3, 2, 2L, "Chloé", "Martin", "chloe.martin", true, "2018-08-20 09:15:00.5"),
            new Member(4, 3, 14L, "Łukasz", "Kowalski", "lukasz.kowalski", true, "2019-10-14T07:45:00.125"),
            new Member(5, 1, 7L, "Omar", "Haddad", "omar.haddad", true, "2020-01-07 10:00:00"),
            new Member(6, 2, 2L, "Freja", "Holm", "freja.holm", true, "2020-04-01T08:00:00"),
            new Member(7, 1, 12L, "Jürgen", "Weiß", "jurgen.weiss", true, "2015-01-12 08:00:00"),
            new Member(8, 3, 14L, "Aino", "Virtanen", "aino.virtanen", true, "2020-09-01 12:00:00.000001"),
            new Member(9, 1, 7L, "Pelle", "Svensson", "pelle.svensson", false, "2016-06-01T08:00:00"),
            new Member(10, 2, 2L, "Sofia", "Rossi", "sofia.rossi", true, "2021-03-15 08:00:00"),
            new Member(11, 3, 14L, "Kenji", "Sato", "kenji.sato", true, "2021-05-03T09:00:00.75"),
            new Member(12, 1, null, "Ingrid", "Berg", "ingrid.berg", true, "2014-09-01 08:00:00"),
            new Member(13, 1, 7L, "Dag", "Olsen", "dag.olsen", true, "2022-02-14 08:00:00"),
            new Member(14, 3, 12L, "Maja", "Ek", "maja.ek", true, "2019-08-19T08:00:00"),
            new Member(15, 2, 2L, "Noah", "Berglund", "noah.berglund", true, "2023-01-09 08:00:00.123456"));

    private StoresAndStaff() {}

    static void insert(Connection connection) throws SQLException {
        try (TableInserter stores =
                new TableInserter(connection, "Store", "StoreId", "Name", "City", "ManagerId", "OpenedAt")) {
            for (Store store : STORE_ROWS) {
                stores.row(store.id(), store.name(), store.city(), store.managerId(), store.openedAt());
            }
        }
        try (TableInserter staff = new TableInserter(
                connection,
                "Staff",
                "StaffId",
                "StoreId",
                "ReportsTo",
                "FirstName",
                "LastName",
                "Email",
                "IsActive",
                "HiredAt")) {
            for (Member member : STAFF_ROWS) {
                staff.row(
                        member.id(),
                        member.storeId(),
                        member.reportsTo(),
                        member.firstName(),
                        member.lastName(),
                        member.mailbox() + "@bikeshop.example",
                        member.active() ? 1L : 0L,
                        member.hiredAt());
            }
        }
    }

    /** Staff ids working in {@code storeId}, in id order, for orders taken at the till. */
    static List<Long> staffOf(long storeId) {
        return STAFF_ROWS.stream()
                .filter(member -> member.storeId() == storeId)
                .map(Member::id)
                .toList();
    }

    /** The login name an order records for staff member {@code staffId}, e.g. {@code pos:åsa}. */
    static String login(long staffId) {
        return "pos:" + STAFF_ROWS.get((int) staffId - 1).firstName().toLowerCase(Locale.ROOT);
    }
}
