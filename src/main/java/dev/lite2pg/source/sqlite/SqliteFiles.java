package dev.lite2pg.source.sqlite;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

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
        // query_only guards against any statement that would write, even through a future code path.
        config.setPragma(SQLiteConfig.Pragma.QUERY_ONLY, "true");
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, "cannot open source database " + file + " read-only: " + e.getMessage(), e);
        }
    }
}
