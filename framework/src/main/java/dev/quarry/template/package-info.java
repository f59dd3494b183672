/**
 * Rendering model, test and hook templates with FreeMarker: the configuration, the template API ({@code ref},
 * {@code source}, {@code var}, {@code env_var}, {@code <@config/>}, {@code this}, {@code target},
 * {@code is_incremental()}, {@code run_started_at}, {@code invocation_id}, {@code doc}), the built-in cross-engine
 * macro library, and the translation of FreeMarker errors into located diagnostics.
 *
 * <p>What a name resolves to is decided by the caller through a {@link dev.quarry.template.RenderContext}: the parse
 * pass records dependencies, the compile pass returns the relations of the chosen target. The only package that uses
 * FreeMarker.
 */
package dev.quarry.template;
