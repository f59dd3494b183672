/**
 * Compiling a loaded project: the parse pass (render every template once to record its refs, sources and config),
 * config resolution, the graph of nodes, the compile pass (render again with the target's relations), SQL checks with
 * JSqlParser, and the content-hash cache that lets an unchanged model skip all of it. The result,
 * {@link dev.quarry.compile.CompiledProject}, is the in-memory manifest. Compiling never connects to an engine: what
 * can be checked of a model contract without one is checked here ({@link dev.quarry.compile.ModelContracts}), its
 * types when the model runs.
 * {@link dev.quarry.compile.QuickRecompile} recompiles only the models whose bodies changed, when nothing else did,
 * from what the last full compile left ({@link dev.quarry.compile.CompileSnapshot}).
 *
 * <p>Uses JSqlParser ({@link dev.quarry.compile.SqlChecker}); the only other package that does is
 * {@code dev.quarry.lineage}.
 */
package dev.quarry.compile;
