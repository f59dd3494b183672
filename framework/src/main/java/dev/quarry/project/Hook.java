package dev.quarry.project;

import dev.quarry.error.SourceLocation;

/** A templated SQL statement run around a run or a model ({@code on-run-start}, {@code pre_hook}, ...). */
public record Hook(String sql, SourceLocation location) {
}
