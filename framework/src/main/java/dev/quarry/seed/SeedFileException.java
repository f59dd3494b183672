package dev.quarry.seed;

import java.util.List;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.QuarryException;

/**
 * A seed file (or its config) has errors, so nothing of it was loaded; carries every error found. The seed's node
 * fails; other seeds and models go on.
 */
public final class SeedFileException extends QuarryException {

    public SeedFileException(String path, List<Diagnostic> diagnostics) {
        super(ErrorCode.NODE_FAILURE, path + " has errors; nothing of it was loaded", diagnostics, null);
    }
}
