package dev.quarry.template;

import freemarker.template.TemplateModelException;

/** A template function was called wrongly (an unknown ref, a var without value); carries a hint for the user. */
public final class TemplateCallException extends TemplateModelException {

    private final String hint;

    public TemplateCallException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
