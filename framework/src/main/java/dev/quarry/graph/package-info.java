/**
 * The dependency graph of a project (models, seeds, sources, data tests, unit tests, exposures) on JGraphT: cycle
 * diagnostics, topological order, ancestors and descendants, and the node selection grammar of {@code -s} and
 * {@code --exclude}.
 *
 * <p>The only package that uses JGraphT.
 */
package dev.quarry.graph;
