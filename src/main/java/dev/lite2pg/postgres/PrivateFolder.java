package dev.lite2pg.postgres;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A folder only this OS user may enter (0700), for what another local user must neither read nor replace: the
 * embedded PostgreSQL's binaries, which lite2pg runs, and its data. One that exists already is used only when this
 * user owns it, it is not a symbolic link and no one else may write into it; else it is refused rather than repaired,
 * since what is inside could have been planted.
 */
final class PrivateFolder {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {}

    /** Creates the folder (and its missing parents) for this user only, or checks the one there. */
    static void ensure(Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(folder, ownerOnly(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another lite2pg made it meanwhile: checked below like any existing one
            }
        }
        check(folder);
    }

    /** A new folder inside a private one, for this user only. */
    static Path createTemporary(Path privateFolder, String prefix) throws IOException {
        return Files.createTempDirectory(privateFolder, prefix, ownerOnly(OWNER_ONLY));
    }

    /** A new empty file inside a private one, readable and writable by this user only. */
    static Path createTemporaryFile(Path privateFolder, String prefix) throws IOException {
        return Files.createTempFile(privateFolder, prefix, "", ownerOnly(OWNER_READ_WRITE));
    }

    /** Takes back what a library opened up to everyone inside a private folder (defence in depth: the parent guards it). */
    static void restrict(Path folder) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
    }

    /** Removes a folder and what is in it, as far as it can: for cleaning up after a failure, which it must not hide. */
    static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // left behind in the private folder: harmless, and named in no message
        }
    }

    private static void check(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is not a folder (or is a symbolic link); remove it and run again");
        }
        if (!POSIX) {
            return; // elsewhere the folder inherits the user profile's access rules
        }
        Path probe = Files.createTempFile(folder, "owner-", "", ownerOnly(OWNER_READ_WRITE));
        try {
            if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(probe))) {
                throw new IOException(folder + " belongs to "
                        + Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName()
                        + ", not to this user: lite2pg will not run binaries from it");
            }
        } finally {
            Files.delete(probe);
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IOException(
                    folder + " may be entered by other users (" + PosixFilePermissions.toString(permissions)
                            + "), so what is inside cannot be trusted: remove it (rm -rf) and run again, lite2pg makes it anew");
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
