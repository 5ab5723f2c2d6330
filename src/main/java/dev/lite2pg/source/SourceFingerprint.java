package dev.lite2pg.source;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The sha256 of the source file: part of a run's identity, and the proof that the source was not modified. */
public final class SourceFingerprint {

    private SourceFingerprint() {}

    public static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "source database " + file + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "cannot read source database " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
