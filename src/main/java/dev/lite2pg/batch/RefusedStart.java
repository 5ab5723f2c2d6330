package dev.lite2pg.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A start that was refused leaves nothing behind: the operator reads why on the console. */
final class RefusedStart {

    private RefusedStart() {}

    /** Deletes the run's folder when it holds nothing but the log Spring opened for it; anything else stays. */
    static void removeRunFolder(Path runFolder) {
        try {
            Files.deleteIfExists(runFolder.resolve("lite2pg.log"));
            if (Files.isDirectory(runFolder)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(runFolder)) {
                    if (entries.iterator().hasNext()) {
                        return;
                    }
                }
                Files.delete(runFolder);
            }
        } catch (IOException e) {
            // Leaving an empty folder behind is harmless; the refusal's own message matters more.
        }
    }
}
