package dev.lite2pg.check;

import dev.lite2pg.check.ScanResult.ProblemGroup;
import dev.lite2pg.check.ScanResult.TableScan;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.report.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code check} found, for machines: {@code check.json} in the check's folder. Counts and first examples only;
 * every bad value is in {@code badValuesFile}.
 *
 * @param verdict PASS when nothing would be refused, PASS WITH WARNINGS when nothing would be refused but
 *     {@code warnings} has lines, FAIL otherwise
 * @param target where the migrations were applied (an embedded server or a scratch database), never a password
 * @param mappingProblems source names that map to nothing in the target schema; their tables and columns are not scanned
 * @param orphans per target foreign key ({@code table.name}) checked on the source, the orphan references found
 * @param badValuesFile null when there is no bad value
 * @param warnings what the copy will change or guess at without refusing it, one line each (see {@link ScanWarnings});
 *     orphan references the job's {@code orphans} policy resolves are one of them
 * @param orphanProblems orphan references the job's {@code orphans} policy cannot resolve, so the cutover refuses them
 *     (see {@link OrphanJudgement}); under {@code orphans: fail} every orphan is among {@code problems} instead
 */
public record CheckReport(
        String job,
        String source,
        String sourceSha256,
        String target,
        String targetSchema,
        String started,
        String finished,
        int parallelism,
        Verdict verdict,
        List<String> mappingProblems,
        long rowsScanned,
        long badValues,
        long badRows,
        long orphanReferences,
        List<TableScan> tables,
        List<ProblemGroup> problems,
        Map<String, Long> orphans,
        String badValuesFile,
        List<String> warnings,
        List<String> orphanProblems) {

    public static final String FILE_NAME = "check.json";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public CheckReport {
        mappingProblems = List.copyOf(mappingProblems);
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
        orphans = Collections.unmodifiableMap(new LinkedHashMap<>(orphans));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        orphanProblems = orphanProblems == null ? List.of() : List.copyOf(orphanProblems);
    }

    /** Nothing would be refused; warnings, if any, do not stop a cutover. */
    public boolean passed() {
        return verdict.passed();
    }

    /** @return the file written */
    public Path write(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            PrivateFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static CheckReport read(Path file) {
        return JSON.readValue(file.toFile(), CheckReport.class);
    }
}
