/**
 * SF Crime Stats, the application built on Quarry: its Socrata loader plugs into Quarry's loader SPI (work to come).
 * This module also assembles the runnable distribution the {@code ./quarry} launcher uses: a thin jar plus
 * {@code target/lib/}.
 */
package dev.sfcrimestats;
