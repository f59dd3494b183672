/**
 * Model unit tests (dbt 1.8's {@code unit_tests:}): literal rows stand in for a model's inputs, and the rows the model
 * returns are compared with the expected rows.
 *
 * <p>{@link dev.quarry.unittest.FixtureRows} holds a fixture's rows, from YAML ({@code format: dict}) or from CSV text
 * ({@code format: csv}, read with commons-csv: values are text, an empty field is null).
 * {@link dev.quarry.unittest.FixtureTable} writes an input's rows as a {@code select ... union all select ...} of
 * literals for the target's dialect, typed by the input's columns when they are known (each value
 * {@code cast(... as <type>)}) or else by the values themselves; what cannot be written as given (a column the input
 * lacks, no rows and no columns) comes back as {@link dev.quarry.unittest.FixtureProblem}s for the caller to report.
 * {@link dev.quarry.unittest.RowComparator} compares the expected rows with a
 * {@link dev.quarry.adapter.QueryResult}, only on the expected columns, as multisets or in order, reading each
 * expected value as the kind of its result column (so YAML {@code 1} equals DECIMAL {@code 1.00}, and
 * {@code "2024-01-01 00:00"} a TIMESTAMP), and prints a {@code -}/{@code +} diff table for a terminal.
 *
 * <p>Pure: nothing here connects to an engine. Uses commons-csv for CSV fixtures (as {@code seed} does for seeds).
 */
package dev.quarry.unittest;
