/**
 * The one output interface: commands report progress, diagnostics and results through a
 * {@link dev.quarry.report.Reporter}, printed for people ({@link dev.quarry.report.ConsoleReporter}), as JSON lines
 * ({@link dev.quarry.report.JsonLinesReporter}). Core code never prints.
 */
package dev.quarry.report;
