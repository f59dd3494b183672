/**
 * The files Quarry writes under {@code target/}: compiled SQL and the versioned JSON artifacts
 * ({@code manifest.json}, {@code run_results.json}, {@code sources.json}, {@code catalog.json}), written with
 * Jackson.
 */
package dev.quarry.artifacts;
