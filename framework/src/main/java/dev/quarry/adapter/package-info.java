/**
 * The engine SPI: a dialect per engine (pure text: quoting, relation names) and, with the execution issue, the
 * adapters that connect to engines. {@link dev.quarry.adapter.Dialects} maps a profile's {@code type} to its dialect.
 */
package dev.quarry.adapter;
