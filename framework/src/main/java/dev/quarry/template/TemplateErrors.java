package dev.quarry.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

/**
 * Turns FreeMarker's exceptions into diagnostics users can act on: the template file, line and column; for an error
 * inside a macro, the macro's line and the model line that called it.
 */
final class TemplateErrors {

    private static final Pattern FRAME = Pattern.compile("in template \"([^\"]+)\" at line (\\d+), column (\\d+)");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.*?)(\\n|$)", Pattern.DOTALL);

    private TemplateErrors() {
    }

    static Diagnostic fromParse(ParseException syntax, String fallbackFile) {
        String file = syntax.getTemplateName() != null ? syntax.getTemplateName() : fallbackFile;
        String message = syntax.getEditorMessage() != null ? syntax.getEditorMessage() : syntax.getMessage();
        return Diagnostic.error(new SourceLocation(file, syntax.getLineNumber(), syntax.getColumnNumber()),
                "template syntax error: " + oneLine(message),
                "check the FreeMarker syntax: ${...} for values, <#if ...>...</#if>, <@config key='value' />");
    }

    /** A rendering error at its innermost template line, without naming the call site. */
    static Diagnostic withoutCallSite(TemplateException failure, String renderedFile) {
        List<SourceLocation> frames = frames(failure);
        SourceLocation where = frames.isEmpty() ? SourceLocation.of(renderedFile) : frames.get(0);
        String hint = null;
        String message;
        TemplateCallException call = callException(failure);
        if (call != null) {
            message = call.getMessageWithoutStackTop().strip();
            hint = call.hint();
        } else if (failure instanceof InvalidReferenceException) {
            String blamed = failure.getBlamedExpressionString();
            message = "undefined template variable '" + (blamed == null ? "?" : blamed) + "'";
            hint = "define it (for example with <#assign>), give a default with '!' (" + (blamed == null ? "x"
                    : blamed) + "!'default'), or check its spelling";
        } else {
            message = "template error: " + firstLine(failure.getMessageWithoutStackTop());
        }
        return Diagnostic.error(where, message, hint);
    }

    /** The error with its hint naming the line of the rendered template that called the failing macro. */
    static Diagnostic withCallSite(Diagnostic error, TemplateException failure, String renderedFile) {
        if (error.location().file().equals(renderedFile)) {
            return error;
        }
        SourceLocation callSite = frames(failure).stream().filter(frame -> frame.file().equals(renderedFile))
                .reduce((first, second) -> second).orElse(null);
        String calledFrom = callSite == null ? "called while rendering " + renderedFile : "called from " + callSite;
        return Diagnostic.error(error.location(), error.message(), error.hint() == null ? calledFrom
                : error.hint() + " (" + calledFrom + ")");
    }

    private static TemplateCallException callException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateCallException call) {
                return call;
            }
        }
        return null;
    }

    /** The template locations of the FTL stack, innermost first. */
    private static List<SourceLocation> frames(TemplateException failure) {
        List<SourceLocation> frames = new ArrayList<>();
        if (failure.getTemplateSourceName() != null && failure.getLineNumber() != null) {
            frames.add(new SourceLocation(failure.getTemplateSourceName(), failure.getLineNumber(),
                    failure.getColumnNumber()));
        }
        String stack = failure.getFTLInstructionStack();
        if (stack != null) {
            Matcher matcher = FRAME.matcher(stack);
            while (matcher.find()) {
                SourceLocation frame = new SourceLocation(matcher.group(1), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
                if (!frames.contains(frame)) {
                    frames.add(frame);
                }
            }
        }
        return frames;
    }

    /** FreeMarker's syntax messages run over several lines ("but was expecting one of: ..."): joined into one. */
    private static String oneLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String joined = message.strip().replaceAll("\\s+", " ");
        int patterns = joined.indexOf(" Was expecting one of");
        joined = patterns > 0 ? joined.substring(0, patterns) : joined;
        return joined.length() > 300 ? joined.substring(0, 297) + "..." : joined;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        Matcher matcher = FIRST_SENTENCE.matcher(message.strip());
        return matcher.find() ? matcher.group(1).strip() : message.strip();
    }
}
