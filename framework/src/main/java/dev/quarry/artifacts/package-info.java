/**
 * The files Quarry writes under {@code target/}: compiled SQL and the versioned JSON artifacts
 * ({@code manifest.json}). The only package that uses Jackson.
 */
package dev.quarry.artifacts;
