package dev.quarry.report;

import dev.quarry.error.Diagnostic;

/** Where everything a command tells the user goes. Implementations must be safe to call from several threads. */
public interface Reporter {

    /** A line of progress or a result, for standard output. */
    void info(String message);

    /** A warning or an error with its location, for standard error. */
    void diagnostic(Diagnostic diagnostic);

    /** A failure without a location (the last words of a failed command), for standard error. */
    void failure(String message);

    /**
     * A line of progress with named values ({@code rows}, {@code rows_per_second}): printed as the message on a
     * terminal; the values become fields of the event in JSON logs.
     */
    default void event(String message, java.util.Map<String, Object> fields) {
        info(message);
    }

    /** Output that is the command's product ({@code ls}, {@code show}): printed as it is, with no decoration. */
    void output(String line);
}
