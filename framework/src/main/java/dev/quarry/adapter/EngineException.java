package dev.quarry.adapter;

import dev.quarry.error.ErrorCode;
import dev.quarry.error.QuarryException;

/** The engine refused a statement or the connection failed; carries the engine's own message. */
public final class EngineException extends QuarryException {

    public EngineException(String message, Throwable cause) {
        super(ErrorCode.ENGINE, message, cause);
    }
}
