package dev.quarry.docs;

/** A site could not be published; the message says why and what to do, for the user. */
public final class SitePublishException extends Exception {

    private static final long serialVersionUID = 1L;

    public SitePublishException(String message) {
        super(message);
    }

    public SitePublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
