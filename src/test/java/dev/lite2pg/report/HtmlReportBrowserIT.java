package dev.lite2pg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless Chromium, as an operator's browser would. Without Chromium the test is
 * skipped, except where LITE2PG_REQUIRE_BROWSER=1 (CI sets it): there a missing browser fails the build instead of
 * silently testing less.
 */
class HtmlReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;
    private static final String PHONE = "--window-size=390,844";

    @TempDir
    Path dir;

    private Path page;

    @BeforeEach
    void writeReport() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " not found (apt-get install chromium)";
            if ("1".equals(System.getenv("LITE2PG_REQUIRE_BROWSER"))) {
                fail(message + "; LITE2PG_REQUIRE_BROWSER=1 forbids skipping");
            }
            Assumptions.abort(message);
        }
        page = ReportWriter.write(SampleReports.twoTables(Verdict.PASS_WITH_WARNINGS), dir.resolve("run"))
                .resolve("report.html");
    }

    @Test
    void browserShowsTheVerdictAndEveryTableAsText() throws Exception {
        String dom = chromium("--dump-dom", page.toUri().toString());

        assertThat(dom)
                .contains("<strong id=\"verdict\">PASS WITH WARNINGS</strong>")
                .contains("exit code 0")
                .contains("<td>customer</td>")
                // A name that is markup in the file would be an element in the DOM; escaped, it is a text node.
                .contains("<td>&lt;script&gt;alert(\"x\")&lt;/script&gt;</td>")
                .doesNotContain("<script");
    }

    @Test
    void phoneScreenshotShowsThePage() throws Exception {
        Path png = dir.resolve("phone.png");

        chromium("--screenshot=" + png, PHONE, page.toUri().toString());

        assertThat(png).isNotEmptyFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(390);
        assertThat(image.getHeight()).isEqualTo(844);
        assertThat(colourCount(image))
                .as("distinct colours: a blank page has one")
                .isGreaterThan(10);
    }

    /**
     * Measures the laid-out report at phone width. Chromium will not make its window narrower than 500 px, so the
     * report sits unchanged in a phone-sized frame and a probe page beside it reports what it measured as text for
     * --dump-dom to print.
     */
    @Test
    void onAPhoneOnlyTheTablesScrollSideways() throws Exception {
        Path probe = page.resolveSibling("probe.html");
        Files.writeString(probe, """
                <!DOCTYPE html>
                <iframe id="phone" src="report.html" style="width:390px;height:844px;border:0"></iframe>
                <script>
                window.addEventListener('load', () => {
                  const report = document.getElementById('phone').contentWindow;
                  const doc = report.document;
                  const tables = doc.getElementById('tables').parentElement;
                  const pre = document.createElement('pre');
                  pre.id = 'probe';
                  pre.textContent = 'page=' + doc.documentElement.scrollWidth + ' viewport=' + report.innerWidth
                      + ' tablesScroll=' + (tables.scrollWidth > tables.clientWidth)
                      + ' verdictBottom=' + Math.ceil(doc.getElementById('verdict').getBoundingClientRect().bottom)
                      + ' viewportHeight=' + report.innerHeight
                      + ' bodyFont=' + parseFloat(report.getComputedStyle(doc.body).fontSize);
                  document.body.appendChild(pre);
                });
                </script>
                """);

        String dom = chromium(
                "--allow-file-access-from-files", "--dump-dom", probe.toUri().toString());

        Matcher m = Pattern.compile(
                        "page=(\\d+) viewport=(\\d+) tablesScroll=(\\w+) verdictBottom=(\\d+) viewportHeight=(\\d+) bodyFont=([\\d.]+)")
                .matcher(dom);
        assertThat(m.find()).as(dom).isTrue();
        assertThat(Integer.parseInt(m.group(2))).as("viewport width").isEqualTo(390);
        assertThat(Integer.parseInt(m.group(1)))
                .as("page width: nothing but the tables may be wider than the phone")
                .isLessThanOrEqualTo(390);
        assertThat(m.group(3)).as("the wide tables scroll inside their box").isEqualTo("true");
        assertThat(Integer.parseInt(m.group(4)))
                .as("the verdict is on the first screen")
                .isLessThanOrEqualTo(Integer.parseInt(m.group(5)));
        assertThat(Double.parseDouble(m.group(6))).as("body font size in px").isGreaterThanOrEqualTo(16);
    }

    /**
     * At 390 px every table's verdict column (match, ok, present) is on screen before any sideways scroll, and long
     * notes (first differing rows, reasons) wrap inside their column instead of making the table a screen wider.
     */
    @Test
    void onAPhoneEveryVerdictColumnIsVisibleWithoutScrollingAndLongNotesWrap() throws Exception {
        page = ReportWriter.write(SampleReports.longNotes(), dir.resolve("long"))
                .resolve("report.html");
        Path probe = page.resolveSibling("probe.html");
        Files.writeString(probe, """
                <!DOCTYPE html>
                <iframe id="phone" src="report.html" style="width:390px;height:844px;border:0"></iframe>
                <script>
                window.addEventListener('load', () => {
                  const report = document.getElementById('phone').contentWindow;
                  const doc = report.document;
                  const hidden = [];
                  let verdicts = 0;
                  doc.querySelectorAll('.scroll table tbody tr').forEach(row => {
                    const cell = row.querySelector('td.good, td.bad');
                    if (!cell) return;
                    verdicts++;
                    const box = row.closest('.scroll').getBoundingClientRect();
                    if (cell.getBoundingClientRect().right > Math.min(box.right, report.innerWidth) + 0.5) {
                      hidden.push(row.closest('table').id || 'table');
                    }
                  });
                  let widestNote = 0;
                  let notes = 0;
                  doc.querySelectorAll('td.note').forEach(note => {
                    if (!note.textContent.trim()) return;
                    notes++;
                    widestNote = Math.max(widestNote, Math.ceil(note.getBoundingClientRect().width));
                  });
                  const pre = document.createElement('pre');
                  pre.id = 'probe';
                  pre.textContent = 'verdicts=' + verdicts + ' hidden=[' + hidden.join(',') + '] notes=' + notes
                      + ' widestNote=' + widestNote + ' viewport=' + report.innerWidth;
                  document.body.appendChild(pre);
                });
                </script>
                """);

        String dom = chromium(
                "--allow-file-access-from-files", "--dump-dom", probe.toUri().toString());

        Matcher m = Pattern.compile(
                        "verdicts=(\\d+) hidden=\\[([^\\]]*)\\] notes=(\\d+) widestNote=(\\d+) viewport=(\\d+)")
                .matcher(dom);
        assertThat(m.find()).as(dom).isTrue();
        assertThat(Integer.parseInt(m.group(5))).as("viewport width").isEqualTo(390);
        assertThat(Integer.parseInt(m.group(1)))
                .as("rows with a verdict cell: tables, content, foreign keys, sequences")
                .isGreaterThanOrEqualTo(7);
        assertThat(m.group(2))
                .as("tables whose verdict cell needs a sideways scroll")
                .isEmpty();
        assertThat(Integer.parseInt(m.group(3))).as("notes found").isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(m.group(4)))
                .as("the widest note, in px: a note that does not wrap is thousands wide")
                .isLessThanOrEqualTo(450);
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process chromium = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n"
                    + Files.readString(err));
        }
        assertThat(chromium.exitValue())
                .as("chromium's exit code; its stderr:\n" + Files.readString(err))
                .isZero();
        return Files.readString(out);
    }

    private static long colourCount(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct()
                .count();
    }
}
