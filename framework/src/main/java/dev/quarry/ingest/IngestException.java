package dev.quarry.ingest;

/** A load that failed, with a message for the user: what went wrong, and what to do. */
public class IngestException extends Exception {

    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
