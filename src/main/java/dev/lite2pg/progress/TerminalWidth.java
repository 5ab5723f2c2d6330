package dev.lite2pg.progress;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How many columns the operator's terminal has, asked once when the display is made. */
final class TerminalWidth {

    /** What a terminal nobody could measure is assumed to have: the classic width every terminal offers. */
    static final int DEFAULT = 80;

    private TerminalWidth() {}

    /** {@code COLUMNS} when the shell exported it, else what {@code stty size} says of the controlling terminal. */
    static int of(Map<String, String> environment) {
        Integer columns = parse(environment.get("COLUMNS"));
        if (columns != null) {
            return columns;
        }
        Integer measured = stty();
        return measured != null ? measured : DEFAULT;
    }

    /** A positive number of columns, or null for anything else. */
    static Integer parse(String columns) {
        if (columns == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(columns.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "rows columns" of /dev/tty, as stty prints them; null when there is no terminal or no stty. */
    private static Integer stty() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return null;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return null;
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .strip()
                    .split("\\s+");
            return size.length == 2 ? parse(size[1]) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
