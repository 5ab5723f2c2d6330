package dev.lite2pg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(
        name = "lite2pg",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Moves an application's SQLite database into PostgreSQL for good: schema by Flyway, tables copied largest"
                    + " first with exact type conversion, sequences advanced, and a validation report to sign off.",
            "",
            "The target comes from the job file, overridden by LITE2PG_TARGET_URL and LITE2PG_TARGET_USER, overridden"
                    + " by --target-url and --target-user; a URL is jdbc:postgresql://HOST:PORT/DB or"
                    + " postgresql://USER@HOST:PORT/DB. The password comes from the environment:"
                    + " LITE2PG_TARGET_PASSWORD, else a password in LITE2PG_TARGET_URL, else PGPASSWORD.",
            "",
            "Run lite2pg help COMMAND (or lite2pg COMMAND --help) for a command's options."
        },
        subcommands = {
            CutoverCommand.class,
            CatchUpCommand.class,
            DryRunCommand.class,
            CheckCommand.class,
            StatusCommand.class,
            DemoCommand.class,
            GenerateBenchmarkCommand.class,
            DraftSchemaCommand.class,
            HelpCommand.class
        },
        // Hand-wrapped to picocli's 80 columns, so that the table keeps its indentation.
        footer = {
            "",
            "Exit codes:",
            "  0    finished and validation passed (PASS, or PASS WITH WARNINGS: rows",
            "       quarantined, values changed as the job's conversions asked, or numbers",
            "       among text timestamps), or already completed (nothing written)",
            "  1    the job failed, or the target cannot be reached (unknown host,",
            "       connection refused): fix the cause and re-run the same command",
            "  2    bad usage, a bad job file, or a refused precondition (e.g. a migration",
            "       that does not apply, a non-empty target, a resume whose snapshot is",
            "       gone or altered, --fresh not confirmed); nothing was written",
            "  3    the copy finished but validation failed (see the report), or the source",
            "       was written to after the cutover's snapshot; for check: problems found;",
            "       for dry-run: the real cutover would not pass",
            "  130  interrupted (Ctrl-C): run the same command to resume"
        })
public final class Lite2pgCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where the target password is looked up; the process environment unless a test supplies its own. */
    java.util.Map<String, String> environment = System.getenv();

    /** Where confirmations are read from; the process's standard input unless a test supplies its own. */
    java.io.BufferedReader input = new java.io.BufferedReader(
            new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "a command is required: cutover, dry-run, check, status, draft-schema, demo, generate-benchmark or help");
    }
}
