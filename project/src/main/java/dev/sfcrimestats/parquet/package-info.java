/**
 * Typed Parquet files written through an in-memory DuckDB ({@code COPY ... (FORMAT parquet, COMPRESSION zstd)}, no
 * Hadoop): the landed schema from the source's declared columns, the row sink the loaders feed, and the key sets of
 * reconcile. The only package of this module that uses DuckDB.
 */
package dev.sfcrimestats.parquet;
