package dev.quarry.error;

/** The kinds of failure a command can end with, each with the process exit code the contract gives it. */
public enum ErrorCode {
    /** Some nodes or tests failed. */
    NODE_FAILURE(1),
    /** The command line was wrong: an unknown option, a bad selector. */
    USAGE(2),
    /** The project could not be loaded or compiled; nothing ran. */
    PROJECT(3),
    /** The engine or the connection to it failed. */
    ENGINE(4),
    /** The user interrupted the run. */
    INTERRUPTED(130);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
