package dev.lite2pg.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;

/** The content of a benchmark database, as a digest: equal digests mean the same rows, value for value. */
final class SqliteContent {

    private SqliteContent() {}

    /** sha256 over every table's rows in id order, each value with its storage class: the content, not the pages. */
    static String sha256(Path database) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            for (String table : BenchmarkDatabase.BASE_ROWS.keySet()) {
                digest.update(("table " + table + "\n").getBytes(StandardCharsets.UTF_8));
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = result.getObject(i);
                            String typed =
                                    value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
                            digest.update((typed + "\u0001").getBytes(StandardCharsets.UTF_8));
                        }
                        digest.update((byte) '\n');
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
