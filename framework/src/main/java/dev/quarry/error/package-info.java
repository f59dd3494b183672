/**
 * User-facing errors: a {@link dev.quarry.error.SourceLocation} ({@code file:line:col}), {@link
 * dev.quarry.error.Diagnostic}s collected by {@link dev.quarry.error.Diagnostics} so that every error of a project is
 * shown at once, and {@link dev.quarry.error.ErrorCode}s that decide the process exit code.
 *
 * <p>Every other package depends on this one; it depends on nothing.
 */
package dev.quarry.error;
