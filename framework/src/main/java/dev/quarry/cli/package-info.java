/**
 * The command line (picocli): one class per command, thin over the pipeline; {@link dev.quarry.cli.FailureHandler}
 * maps every failure to its message and exit code. The only package that uses picocli.
 */
package dev.quarry.cli;
