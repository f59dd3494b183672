/**
 * The {@code socrata} loader ({@link dev.sfcrimestats.socrata.SocrataLoader}, found by Quarry's {@code ingest}
 * through {@link java.util.ServiceLoader}): SODA 2.1 requests with {@code java.net.http}, retries and a body read
 * timeout ({@code SocrataClient}, {@code RetryPolicy}, {@code StallGuard}), a streaming Jackson parse of each page
 * ({@code PageParser}), resumable incremental loads ({@code IncrementalLoad}), reconcile ({@code Reconciliation}) and
 * the import of portal exports ({@code FileImport}).
 */
package dev.sfcrimestats.socrata;
