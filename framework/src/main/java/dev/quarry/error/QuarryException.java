package dev.quarry.error;

import java.util.List;

/** A failure that ends a command with a message for the user and an {@link ErrorCode}; never a bug. */
public class QuarryException extends RuntimeException {

    private final ErrorCode code;
    private final List<Diagnostic> diagnostics;

    public QuarryException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public QuarryException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    protected QuarryException(ErrorCode code, String message, List<Diagnostic> diagnostics, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ErrorCode code() {
        return code;
    }

    /** The problems behind this failure, sorted by location; empty when the message says it all. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
