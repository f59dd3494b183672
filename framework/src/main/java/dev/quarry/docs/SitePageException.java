package dev.quarry.docs;

/** A site page could not be written; the message says why and what to do, for the user. */
public final class SitePageException extends Exception {

    private static final long serialVersionUID = 1L;

    public SitePageException(String message) {
        super(message);
    }

    public SitePageException(String message, Throwable cause) {
        super(message, cause);
    }
}
