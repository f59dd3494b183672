package dev.quarry.project;

import dev.quarry.error.SourceLocation;

/**
 * One config value and where it was set, so that an invalid value points at its line.
 *
 * @param value a plain value: String, Long, Double, Boolean, List or Map
 */
public record ConfigValue(Object value, SourceLocation location) {
}
