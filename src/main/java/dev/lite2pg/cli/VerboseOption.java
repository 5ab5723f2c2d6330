package dev.lite2pg.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, for the commands that run a job: its log on the console too, not only in lite2pg.log. */
final class VerboseOption {

    @Option(
            names = "--verbose",
            description = "Also show the run's log (INFO and up: Spring Batch's steps, the connection pool, lite2pg's"
                    + " own lines) on standard error; it is always in lite2pg.log in the run's folder.")
    boolean verbose;
}
