package dev.quarry.template;

import dev.quarry.error.Diagnostic;

/** A template could not be rendered; the diagnostic points at the template line (and the macro, if one failed). */
public final class TemplateFailure extends Exception {

    private final transient Diagnostic diagnostic;
    private final transient Diagnostic withoutCallSite;

    public TemplateFailure(Diagnostic diagnostic, Throwable cause) {
        this(diagnostic, diagnostic, cause);
    }

    /** @param withoutCallSite the same error without the hint's "called from" part */
    TemplateFailure(Diagnostic diagnostic, Diagnostic withoutCallSite, Throwable cause) {
        super(diagnostic.format(), cause);
        this.diagnostic = diagnostic;
        this.withoutCallSite = withoutCallSite;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /**
     * The error without naming the line of the rendered template that called the failing macro: for a caller that
     * names the call site itself (a generic test's YAML line).
     */
    public Diagnostic withoutCallSite() {
        return withoutCallSite;
    }
}
