package dev.lite2pg.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Size and modification time of a live SQLite file and its write-ahead log: enough to notice, without reading the
 * whole file again, that the application wrote to it after a snapshot was taken.
 */
public final class SourceStamp {

    private SourceStamp() {}

    public static String of(Path source) {
        return part(source) + ";wal=" + part(Path.of(source + "-wal"));
    }

    /**
     * An empty log counts as none: opening a WAL database read-only (as lite2pg does) may create an empty -wal file,
     * and that is not a write by the application.
     */
    private static String part(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0
                    ? Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis()
                    : "none";
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
