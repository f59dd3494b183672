package dev.quarry.template;

import java.util.List;

/**
 * The parameters a FreeMarker macro declares.
 *
 * @param parameters the names, in order
 * @param takesOthers whether it also takes any other named argument (a catch-all parameter {@code others...})
 */
public record MacroSignature(List<String> parameters, boolean takesOthers) {

    public MacroSignature {
        parameters = List.copyOf(parameters);
    }

    /** Whether a call may pass an argument of this name. */
    public boolean accepts(String argument) {
        return takesOthers || parameters.contains(argument);
    }
}
