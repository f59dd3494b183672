/**
 * Running a compiled project: the {@link dev.quarry.execute.Scheduler} runs nodes in dependency order on a pool of
 * worker threads, each with its own engine session; a failed node marks its descendants skipped while independent
 * branches go on. Results are collected as {@link dev.quarry.execute.RunResults}.
 */
package dev.quarry.execute;
