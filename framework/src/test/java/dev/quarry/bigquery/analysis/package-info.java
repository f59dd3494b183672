/**
 * Checks the SQL Quarry writes for BigQuery with BigQuery's own analyzer, ZetaSQL (test scope only: it is a native
 * library of about 100 MB, started once per JVM over JNI).
 *
 * <p>{@link dev.quarry.bigquery.analysis.BigQueryAnalyzer} holds a catalog of typed tables and analyzes statements
 * against it; {@link dev.quarry.bigquery.analysis.ProjectAnalysis} walks a compiled project in dependency order,
 * registering sources (their declared {@code data_type}s), seeds (Quarry's own type inference) and every model's
 * analyzed output columns for the models and tests downstream.
 */
package dev.quarry.bigquery.analysis;
