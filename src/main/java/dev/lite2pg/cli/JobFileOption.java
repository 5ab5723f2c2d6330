package dev.lite2pg.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --job FILE}, the one option every command that reads a job file requires. */
final class JobFileOption {

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The job file (YAML), e.g. jobs/demo.yml.")
    Path file;
}
