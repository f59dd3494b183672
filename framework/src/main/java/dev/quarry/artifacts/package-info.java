/**
 * The files Quarry writes under {@code target/}: compiled SQL and the versioned JSON artifacts
 * ({@code manifest.json}, {@code run_results.json}, {@code sources.json}, {@code catalog.json}), written with
 * Jackson. {@link dev.quarry.artifacts.ManifestPatch} rewrites the changed nodes of a written manifest in place.
 */
package dev.quarry.artifacts;
