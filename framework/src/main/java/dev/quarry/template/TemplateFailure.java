package dev.quarry.template;

import dev.quarry.error.Diagnostic;

/** A template could not be rendered; the diagnostic points at the template line (and the macro, if one failed). */
public final class TemplateFailure extends Exception {

    private final transient Diagnostic diagnostic;

    public TemplateFailure(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.format(), cause);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
