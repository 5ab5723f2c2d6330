package dev.lite2pg.model;

/** Why a command stopped; each code knows the process exit status it maps to. */
public enum ErrorCode {
    /** Bad command line. */
    USAGE(2),
    /** The job file is missing, unreadable or invalid. */
    JOB_FILE(2),
    /** A precondition was refused before any row was written (non-empty target, unmapped names, bad source data). */
    PRECONDITION(2),
    /** The job failed while running. */
    JOB_FAILED(1),
    /** The copy finished but validation found differences. */
    VALIDATION_FAILED(3),
    /** check ran to the end and found source values, references or names the target would refuse. */
    PROBLEMS_FOUND(3);

    /** The exit code of a command that finished and passed: the only one that is not an error. */
    public static final int SUCCESS = 0;

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
