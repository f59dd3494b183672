package dev.sfcrimestats.socrata;

import java.io.IOException;

/** A response body that stopped arriving for longer than the timeout. */
final class StalledBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    StalledBodyException(String message) {
        super(message);
    }
}
