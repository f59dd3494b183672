/**
 * Loading a project from disk: {@code quarry_project.yml}, {@code profiles.yml}, model, macro, seed and test files,
 * and the {@code version: 2} properties YAML. Every value keeps the {@link dev.quarry.error.SourceLocation} it was
 * read from, so that later stages can point at it.
 *
 * <p>The only package that uses SnakeYAML ({@link dev.quarry.project.YamlParser}).
 */
package dev.quarry.project;
