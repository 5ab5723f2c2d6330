package dev.lite2pg.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .ci/test-totals, run by .ci/run after {@code ./mvnw -q verify}, against reports written here in Surefire's format. */
class TestTotalsScriptTest {

    @TempDir
    Path work;

    private record Result(int exitCode, String out) {}

    private Result run(Path required, Path... folders) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "bash", Path.of(".ci/test-totals").toAbsolutePath().toString(), "--required", required.toString()));
        for (Path folder : folders) {
            command.add(folder.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    private Path reports(String folder, String... suites) throws IOException {
        Path dir = Files.createDirectories(work.resolve(folder));
        for (String suite : suites) {
            String name =
                    suite.substring(suite.indexOf("name=\"") + 6, suite.indexOf('"', suite.indexOf("name=\"") + 6));
            Files.writeString(
                    dir.resolve("TEST-" + name + ".xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + suite);
        }
        return dir;
    }

    private static String suite(String name, int tests, int skipped, String testcases) {
        return "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0.2\" name=\"" + name
                + "\" time=\"0.1\" tests=\"" + tests + "\" errors=\"0\" skipped=\"" + skipped
                + "\" failures=\"0\" flakes=\"0\">\n"
                + "  <properties>\n    <property name=\"java.version\" value=\"17\"/>\n  </properties>\n" + testcases
                + "</testsuite>\n";
    }

    private Path required(String... classes) throws IOException {
        return Files.writeString(work.resolve("required"), "# required\n" + String.join("   # why\n", classes) + "\n");
    }

    @Test
    void printsTheTotalsOfBothPluginsAndPassesWhenEveryTestRan() throws Exception {
        Path unit = reports(
                "surefire-reports",
                suite(
                        "a.OneTest",
                        2,
                        0,
                        "  <testcase name=\"x\" classname=\"a.OneTest\" time=\"0.01\"/>\n  <testcase name=\"y\" classname=\"a.OneTest\" time=\"0.01\"/>\n"));
        Path it = reports(
                "failsafe-reports",
                suite("a.OneIT", 1, 0, "  <testcase name=\"z\" classname=\"a.OneIT\" time=\"1\"/>\n"));

        Result result = run(required("a.OneIT", "a.OneTest"), unit, it);

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out())
                .contains("surefire-reports: 2 tests, 0 failures, 0 errors, 0 skipped")
                .contains("failsafe-reports: 1 tests, 0 failures, 0 errors, 0 skipped");
    }

    @Test
    void aSkippedTestFailsAndIsNamedWithItsReason() throws Exception {
        Path unit = reports(
                "surefire-reports",
                suite("a.OneTest", 1, 0, "  <testcase name=\"x\" classname=\"a.OneTest\" time=\"0\"/>\n"));
        Path it = reports(
                "failsafe-reports",
                suite(
                        "a.DataIT",
                        2,
                        1,
                        "  <testcase name=\"copies\" classname=\"a.DataIT\" time=\"0\">\n    <skipped message=\"datasets absent\"/>\n  </testcase>\n"
                                + "  <testcase name=\"other\" classname=\"a.DataIT\" time=\"1\"/>\n"));

        Result result = run(required(), unit, it);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .contains("failsafe-reports: 2 tests, 0 failures, 0 errors, 1 skipped")
                .contains("skipped a.DataIT.copies: datasets absent")
                .contains("FAIL");
    }

    @Test
    void aRequiredClassThatRanNoTestFails() throws Exception {
        Path unit = reports(
                "surefire-reports",
                suite("a.OneTest", 1, 0, "  <testcase name=\"x\" classname=\"a.OneTest\" time=\"0\"/>\n"));
        Path it = reports(
                "failsafe-reports",
                suite("a.OneIT", 1, 0, "  <testcase name=\"z\" classname=\"a.OneIT\" time=\"1\"/>\n"));

        Result result = run(required("a.OneTest", "a.BrowserIT"), unit, it);

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .contains("required test class a.BrowserIT did not run")
                .doesNotContain("a.OneTest did not run");
    }

    @Test
    void noReportsAtAllFails() throws Exception {
        Path unit = reports(
                "surefire-reports",
                suite("a.OneTest", 1, 0, "  <testcase name=\"x\" classname=\"a.OneTest\" time=\"0\"/>\n"));

        Result result = run(required(), unit, work.resolve("failsafe-reports"));

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("failsafe-reports: no reports in");
    }
}
