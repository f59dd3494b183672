/**
 * Running a compiled project: the {@link dev.quarry.execute.Scheduler} runs nodes in dependency order on a pool of
 * worker threads, each with its own engine session; a failed node marks its descendants skipped while independent
 * branches go on. Results are collected as {@link dev.quarry.execute.RunResults}. A model with an enforced contract
 * is checked against it by the engine before it is built ({@link dev.quarry.execute.ContractCheck}); a seed's hooks run
 * around its load.
 */
package dev.quarry.execute;
