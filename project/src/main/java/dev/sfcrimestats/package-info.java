/**
 * SF Crime Stats, the application built on Quarry: its Socrata loader ({@code socrata}) plugs into Quarry's loader SPI.
 * This module also assembles the runnable distribution the {@code ./quarry} launcher uses: a thin jar plus
 * {@code target/lib/}.
 */
package dev.sfcrimestats;
