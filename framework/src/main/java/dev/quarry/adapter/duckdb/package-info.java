/** DuckDB, the embedded default engine. */
package dev.quarry.adapter.duckdb;
