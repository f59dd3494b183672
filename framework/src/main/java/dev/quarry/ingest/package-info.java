/**
 * The loader SPI: how {@code quarry ingest} brings a source's data into its landing zone. A source declares
 * {@code loader: {type: ..., ...}} in YAML; the {@link dev.quarry.ingest.SourceLoader} of that type, found on the
 * classpath with {@link java.util.ServiceLoader}, loads each of its tables. The framework knows no loader itself.
 */
package dev.quarry.ingest;
