package dev.lite2pg.source.sqlite;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens SQLite files the only way lite2pg ever does: read-only, so the source can never be modified. */
public final class SqliteFiles {

    private SqliteFiles() {
    }

    public static Connection openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, "source database " + file + " does not exist or is not a file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = connection.createStatement()) {
                // query_only refuses any statement that would write, even through a future code path.
                st.execute("PRAGMA query_only = true");
            }
            return connection;
        } catch (SQLException e) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, "cannot open source database " + file + " read-only: " + e.getMessage(), e);
        }
    }
}
