package dev.sfcrimestats.socrata;

/** A response body that is not the JSON Socrata promises: cut short, or not an array of row objects. */
final class MalformedPageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long offset;

    MalformedPageException(String problem, long offset) {
        super(problem);
        this.offset = offset;
    }

    /** The byte offset in the body where the problem was found, or -1 when unknown. */
    long offset() {
        return offset;
    }
}
