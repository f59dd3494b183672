/**
 * Column-level lineage read from compiled SQL: for each column a model's query returns, the upstream columns its
 * value is computed from and whether it passes one through ({@link dev.quarry.lineage.LineageKind}).
 * {@link dev.quarry.lineage.ColumnLineage#analyze} is the entry point; it never throws, and reports what it could not
 * resolve as problems in its {@link dev.quarry.lineage.LineageResult}.
 *
 * <p>Lineage follows values only: columns read by {@code WHERE}, {@code JOIN ... ON}, {@code GROUP BY},
 * {@code HAVING}, {@code QUALIFY} and {@code ORDER BY} of a query are not sources of its output columns. Everything
 * inside a select-list expression is: the conditions of a {@code CASE}, the arguments of functions and aggregates,
 * the {@code PARTITION BY} and {@code ORDER BY} of a window (they decide the value of {@code row_number()}), and the
 * output columns of a subquery in the expression.
 *
 * <p>The package's library is JSqlParser; besides {@code compile}, the only package that uses it. Its tree is read,
 * never printed back as SQL.
 */
package dev.quarry.lineage;
