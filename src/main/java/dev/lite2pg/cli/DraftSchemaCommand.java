package dev.lite2pg.cli;

import dev.lite2pg.draft.Names;
import dev.lite2pg.draft.SchemaDrafter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "draft-schema",
        mixinStandardHelpOptions = true,
        header = "Drafts a reviewable PostgreSQL migration and job file from a SQLite file and every value in it.",
        description = {
            "For an application without PostgreSQL migrations: reads the SQLite schema and every value (read-only) and"
                    + " writes a Flyway migration proposing each column's type from what the data proves (boolean,"
                    + " timestamp or timestamptz, date, jsonb, uuid, numeric(p,s), double precision, varchar(n), bytea,"
                    + " bigint identity, text), each with a one-line comment giving its evidence, and keeping keys, NOT"
                    + " NULL, defaults, UNIQUE, CHECK, indexes and foreign keys where they translate; what does not is"
                    + " listed at the end. Also writes a job file that check runs as it is. Never replaces a file (exit"
                    + " 2, naming it). Review the draft, then check it."
        },
        footer = {"", "Exit codes: 0 written, 2 bad usage, a file already there, or a source that cannot be read."})
final class DraftSchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "FILE", description = "The SQLite file (never modified).")
    Path source;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "The migration to write (default: sql/<name>/V1__baseline.sql, <name> from the source file).")
    Path out;

    @Option(names = "--job-out", paramLabel = "FILE", description = "The job file to write (default: jobs/<name>.yml).")
    Path jobOut;

    @Option(
            names = "--names",
            paramLabel = "as-is|snake",
            defaultValue = "as-is",
            description = "Table and column names: as-is (default: SQLite's, quoted) or snake (InvoiceLineId ->"
                    + " invoice_line_id).")
    String names;

    @Mixin
    ParallelOption parallel = new ParallelOption();

    @Override
    public Integer call() {
        Names style = Names.parse(names.toLowerCase(Locale.ROOT));
        if (style == null) {
            throw new ParameterException(spec.commandLine(), "--names must be as-is or snake, not '" + names + "'");
        }
        String name = SchemaDrafter.jobName(source);
        Path migration = out != null ? out : Path.of("sql", name, "V1__baseline.sql");
        Path job = jobOut != null ? jobOut : Path.of("jobs", name + ".yml");
        PrintWriter console = spec.commandLine().getOut();
        console.println("lite2pg draft-schema: reading the schema and every value of " + source);
        console.flush();
        SchemaDrafter.Result result = SchemaDrafter.run(source, migration, job, name, style, parallel.value());
        console.println("lite2pg: drafted " + result.tables() + " tables from "
                + String.format(Locale.ROOT, "%,d", result.rows()) + " rows into " + result.migration() + " ("
                + (result.untranslated() == 0
                        ? "everything translated"
                        : result.untranslated() + " things not translated, listed at its end")
                + ") and the job file " + result.jobFile());
        console.println("Next: review the draft (each column says why it has its type), then lite2pg check --job "
                + result.jobFile());
        return 0;
    }
}
