/**
 * Seeds: CSV files under the seed paths loaded into tables by {@code quarry seed}.
 *
 * <p>{@link dev.quarry.seed.SeedReader} reads a file in two streaming passes with commons-csv: the first checks
 * every row and infers each column's {@link dev.quarry.seed.SeedType} (or takes it from {@code column_types}), the
 * second converts the rows to Java values. Every error of a file is collected as a
 * {@link dev.quarry.error.Diagnostic} at {@code seeds/x.csv:ROW:COL} (the header is row 1; COL is the field's
 * number), at most 20 per file. {@link dev.quarry.seed.SeedPlan} is the pure text of the statements;
 * {@link dev.quarry.seed.SeedLoader} runs them on an {@link dev.quarry.adapter.EngineSession}, loading the rows in
 * bulk into a staging table that replaces the seed's table only once it is complete.
 *
 * <p>The only package that uses commons-csv.
 */
package dev.quarry.seed;
