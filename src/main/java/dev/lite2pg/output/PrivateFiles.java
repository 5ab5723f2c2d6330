package dev.lite2pg.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files in the job's output folder: the snapshot is a full copy of the source, and the log, reports,
 * bad-values.csv and metrics hold row values, so none is readable by anyone but the owner, whatever the umask (a
 * shared host's default 022 would make them world-readable). Folders are created 0700, files 0600 before a byte is
 * written into them. On a file system without POSIX permissions (Windows) the folder's ACL applies instead.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /**
     * Creates the folder and any missing parent 0700. The folder itself is made 0700 also when it already exists (the
     * operator may have made it); existing parents are left alone: they are the operator's.
     */
    public static void folder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (!posix(absolute)) {
            Files.createDirectories(absolute);
            return;
        }
        Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(absolute, FOLDER);
    }

    /**
     * The file, empty and 0600 if it did not exist, made 0600 if it did, with its folder created as by {@link #folder}:
     * for a library (SQLite's backup, the log appender) to write into afterwards.
     */
    public static Path file(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        folder(absolute.getParent());
        if (!posix(absolute)) {
            if (!Files.exists(absolute)) {
                Files.createFile(absolute);
            }
            return file;
        }
        FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(FILE);
        try {
            Files.createFile(absolute, owner);
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(absolute, FILE);
        }
        return file;
    }

    /** Writes the text (UTF-8) into the file, replacing it, with the file 0600 before the first byte. */
    public static void writeString(Path file, String text) throws IOException {
        Files.writeString(file(file), text, StandardCharsets.UTF_8);
    }

    /** A writer (UTF-8) replacing the file's content, with the file 0600 before the first byte. */
    public static BufferedWriter newBufferedWriter(Path file) throws IOException {
        return Files.newBufferedWriter(file(file), StandardCharsets.UTF_8);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
