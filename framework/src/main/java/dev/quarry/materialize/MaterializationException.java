package dev.quarry.materialize;

import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.EngineException;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostic;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.QuarryException;
import dev.quarry.error.SourceLocation;

/**
 * A model could not be built: its configuration cannot be materialized (caught while planning, before anything
 * changed), or the engine refused a statement (the cause is the {@link EngineException}; the build was undone).
 * The message is {@code models/x.sql: error: ...} with an indented {@code hint:} line saying what to do; the node
 * fails and its descendants are skipped ({@link ErrorCode#NODE_FAILURE}).
 */
public final class MaterializationException extends QuarryException {

    private final transient Diagnostic diagnostic;
    private final List<String> statements;

    private MaterializationException(Diagnostic diagnostic, List<String> statements, Throwable cause) {
        super(ErrorCode.NODE_FAILURE, diagnostic.format(), cause);
        this.diagnostic = diagnostic;
        this.statements = List.copyOf(statements);
    }

    /** The model's configuration cannot be built as it is; nothing was run. */
    static MaterializationException invalid(ManifestNode node, String problem, String hint) {
        return new MaterializationException(Diagnostic.error(location(node), problem, hint), List.of(), null);
    }

    /** The engine refused one of the statements; what ran before it was undone. */
    static MaterializationException engineFailure(ManifestNode node, EngineException failure,
            List<String> statements) {
        return new MaterializationException(Diagnostic.error(location(node), failure.getMessage()), statements,
                failure);
    }

    /** The same failure, having run these statements before it was found. */
    MaterializationException afterRunning(List<String> executed) {
        return new MaterializationException(diagnostic, executed, getCause());
    }

    private static SourceLocation location(ManifestNode node) {
        return SourceLocation.of(node.path());
    }

    /** The model file. */
    public String modelPath() {
        return diagnostic.location().file();
    }

    /** What went wrong, without the file. */
    public String problem() {
        return diagnostic.message();
    }

    /** What to do about it, when there is advice. */
    public Optional<String> hint() {
        return Optional.ofNullable(diagnostic.hint());
    }

    /** The problem as a diagnostic at the model file. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /** Every statement sent to the engine for this model, including the failed one and those that undid it. */
    public List<String> statements() {
        return statements;
    }
}
