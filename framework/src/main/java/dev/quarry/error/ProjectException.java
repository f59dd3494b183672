package dev.quarry.error;

import java.util.List;

/** The project has errors: every one of them is carried, so that they are all printed together. Nothing ran. */
public final class ProjectException extends QuarryException {

    public ProjectException(List<Diagnostic> diagnostics) {
        super(ErrorCode.PROJECT, summary(diagnostics), diagnostics, null);
    }

    public ProjectException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    private static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return errors == 1 ? "1 error; nothing was run." : errors + " errors; nothing was run.";
    }
}
