/**
 * The landing zone on Cloud Storage: {@link dev.sfcrimestats.gcs.GcsLandingZone} keeps landed files under a
 * {@code gs://bucket/prefix}. This is the only package that uses google-cloud-storage, and only its HTTP (JSON API)
 * transport; the client's gRPC and OpenTelemetry parts are left out of the distribution (see the project's pom).
 */
package dev.sfcrimestats.gcs;
