/**
 * BigQuery, the production engine (GoogleSQL). {@link dev.quarry.adapter.bigquery.BigQueryDialect} writes the SQL;
 * the rest talks to BigQuery's REST API through Google's client ({@code com.google.cloud.bigquery}):
 * {@link dev.quarry.adapter.bigquery.BigQuerySettings} reads the profile,
 * {@link dev.quarry.adapter.bigquery.BigQueryAdapter} builds one client per run,
 * {@link dev.quarry.adapter.bigquery.BigQuerySession} runs statements as query jobs ({@code BigQueryJobRunner}),
 * reads metadata ({@code BigQueryCatalog}) and loads seeds with load jobs ({@code BigQueryLoader}); transient
 * failures are retried ({@code BigQueryRetrier}) and the others explained ({@code BigQueryFailures}).
 */
package dev.quarry.adapter.bigquery;
