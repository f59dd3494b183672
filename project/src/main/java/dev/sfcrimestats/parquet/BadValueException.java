package dev.sfcrimestats.parquet;

/** A value that does not fit its column's declared type, e.g. a latitude that is not a number. */
public final class BadValueException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadValueException(String message) {
        super(message);
    }
}
