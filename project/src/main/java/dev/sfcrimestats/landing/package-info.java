/**
 * The landing zone: where loaded files live ({@link dev.sfcrimestats.landing.LandingZone}: a local folder here, Cloud
 * Storage in {@code dev.sfcrimestats.gcs}), how a table's files are laid out ({@code LandingLayout}), the saved load
 * state ({@code LoadState}) and batch manifests, which are written last so readers trust only finished batches.
 */
package dev.sfcrimestats.landing;
