package dev.lite2pg.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Renders a run report as one self-contained HTML page (inline CSS and SVG, nothing loaded from anywhere) that an
 * operator can open from a mail or a phone. The Mustache template escapes every value it prints, so hostile table
 * and column names stay text.
 */
public final class HtmlReport {

    private static final String TEMPLATE_RESOURCE = "/report/report.html.mustache";

    /** Compiled once: a jmustache template is immutable and safe to execute from several threads. */
    private static final Template TEMPLATE = compile();

    private HtmlReport() {}

    public static String render(RunReport report) {
        return TEMPLATE.execute(HtmlPage.of(report));
    }

    private static Template compile() {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(HtmlReport.class.getResourceAsStream(TEMPLATE_RESOURCE), TEMPLATE_RESOURCE),
                StandardCharsets.UTF_8)) {
            // A null in the data prints as empty, but a name the template misspells still fails loudly.
            return Mustache.compiler().nullValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE_RESOURCE, e);
        }
    }
}
