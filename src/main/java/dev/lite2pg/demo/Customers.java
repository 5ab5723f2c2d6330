package dev.lite2pg.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Customers, in an AUTOINCREMENT table: 120 are inserted and the last three (test accounts) deleted, so
 * sqlite_sequence says 120 while max(CustomerId) is 117. The first eight carry the awkward text.
 */
final class Customers {

    static final int INSERTED = 120;
    static final int KEPT = 117;

    private record Special(
            String firstName, String lastName, String phone, boolean vip, String notes, String preferences) {}

    private static final List<Special> SPECIAL = List.of(
            new Special(
                    "Zoë",
                    "Ångström",
                    "",
                    true,
                    "Loves 🚲🚲 and ☕ — ask about the cargo bike\nSecond line",
                    "{\"newsletter\": true, \"language\": \"sv\", \"nickname\": \"🚴 Zoë\"}"),
            new Special(
                    "Seán",
                    "O'Brien",
                    "+353 1 555 0101",
                    false,
                    "Invoices go to C:\\Users\\sean\\invoices\\2023\\",
                    "{\n  \"newsletter\": false,\n  \"language\": \"en\"\n}"),
            new Special(
                    "Mia",
                    "Tabb",
                    "+46 70 555 0103",
                    false,
                    "size\tM\tframe\t54   ",
                    "{\"bike\": {\"frame_cm\": 54.5, \"wheels\": [28, 28]}, \"newsletter\": true}"),
            new Special("Lars", "Eriksson", null, false, "", "{}"),
            // \N is COPY's null marker in text format: this note must arrive as the two characters, not as NULL.
            new Special("Jennifer", "Null", "+1 555 0105", true, "\\N", "{\"language\": \"en\", \"tags\": []}"),
            new Special(
                    "Ana María",
                    "Núñez-López",
                    "+34 91 555 0106",
                    false,
                    "Windows line ends:\r\nline 2\r\n",
                    "{\"language\": \"es\", \"quote\": \"say \\\"hola\\\"\"}"),
            new Special(
                    "小龙",
                    "李",
                    "+86 10 5550 0107",
                    false,
                    "中文 · 日本語 · 한국어 · العربية",
                    "{\"language\": \"zh\", \"discount\": 0.15}"),
            new Special("Kim", "Quote", "", false, "   ", null));

    private static final String[] FIRST_NAMES = {
        "Anna", "Erik", "Karin", "Johan", "Elin", "Oskar", "Sara", "Viktor", "Linnea", "Hugo", "Ida", "Axel", "Ebba",
        "Leo", "Maja", "Nils", "Tove", "Emil", "Alva", "Isak"
    };
    private static final String[] LAST_NAMES = {
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Gustafsson",
        "Pettersson",
        "Jonsson",
        "Jansson",
        "Hansson",
        "Bengtsson"
    };
    private static final String[] LANGUAGES = {"sv", "en", "de", "fi"};
    private static final LocalDateTime FIRST_SIGN_UP = LocalDateTime.of(2021, 1, 4, 8, 0);
    private static final Duration SIGN_UP_INTERVAL = Duration.ofSeconds(7 * 3600 + 13 * 60 + 17);

    private Customers() {}

    static void insert(Connection connection) throws SQLException {
        try (TableInserter customers = new TableInserter(
                connection,
                "Customer",
                "FirstName",
                "LastName",
                "Email",
                "Phone",
                "IsVip",
                "CreatedAt",
                "Notes",
                "Preferences")) {
            for (int id = 1; id <= INSERTED; id++) {
                String createdAt = DemoTimestamps.text(createdAt(id), id);
                if (id <= SPECIAL.size()) {
                    Special c = SPECIAL.get(id - 1);
                    customers.row(
                            c.firstName(),
                            c.lastName(),
                            "customer" + id + "@example.com",
                            c.phone(),
                            c.vip() ? 1L : 0L,
                            createdAt,
                            c.notes(),
                            c.preferences());
                } else if (id > KEPT) {
                    customers.row(
                            "Test",
                            "Account " + id,
                            "test" + id + "@example.invalid",
                            null,
                            0L,
                            createdAt,
                            "created by the load test, delete before go-live",
                            null);
                } else {
                    String first = FIRST_NAMES[id % FIRST_NAMES.length];
                    String last = LAST_NAMES[(id * 7) % LAST_NAMES.length];
                    String email = (first + "." + last + id + "@example.com").toLowerCase(Locale.ROOT);
                    customers.row(
                            first,
                            last,
                            email,
                            phone(id),
                            id % 6 == 0 ? 1L : 0L,
                            createdAt,
                            notes(id),
                            preferences(id));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM Customer WHERE CustomerId > " + KEPT);
        }
    }

    private static LocalDateTime createdAt(int id) {
        long micros = (id * 137_911L) % 1_000_000L;
        return FIRST_SIGN_UP.plus(SIGN_UP_INTERVAL.multipliedBy(id)).plusNanos(micros * 1_000);
    }

    private static String phone(int id) {
        if (id % 5 == 0) {
            return null;
        }
        if (id % 7 == 0) {
            return "";
        }
        return String.format("+46 70 %03d %02d %02d", id * 3 % 1000, id % 100, (id * 13) % 100);
    }

    private static String notes(int id) {
        return switch (id % 4) {
            case 0 -> null;
            case 1 -> "Prefers pickup at store " + (1 + id % StoresAndStaff.STORES);
            case 2 -> "";
            default -> "Called about a test ride\nwants a " + (48 + id % 12) + " cm frame";
        };
    }

    private static String preferences(int id) {
        if (id % 3 == 0) {
            return null;
        }
        return String.format(
                "{\"newsletter\": %b, \"language\": \"%s\", \"visits\": %d}",
                id % 2 == 0, LANGUAGES[id % LANGUAGES.length], id % 17);
    }
}
