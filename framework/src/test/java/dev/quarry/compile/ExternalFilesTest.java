package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalFilesTest {

    @TempDir
    Path root;

    @Test
    void aGlobMatchesFilesAtAnyDepthBelowItsFixedPart() throws Exception {
        String location = "data/landing/sfpd/incidents/**/*.parquet";
        assertThat(ExternalFiles.anyMatch(root, location)).as("no folder yet").isFalse();

        Files.createDirectories(root.resolve("data/landing/sfpd/incidents/_batches"));
        Files.writeString(root.resolve("data/landing/sfpd/incidents/_batches/b1.json"), "{}");
        assertThat(ExternalFiles.anyMatch(root, location)).as("only other files").isFalse();

        Files.createDirectories(root.resolve("data/landing/sfpd/incidents/load_date=2026-11-28"));
        Files.writeString(root.resolve("data/landing/sfpd/incidents/load_date=2026-11-28/part-1.parquet"), "x");
        assertThat(ExternalFiles.anyMatch(root, location)).isTrue();
    }

    @Test
    void doubleStarAlsoMatchesNoFolderAsInDuckDb() throws Exception {
        Files.createDirectories(root.resolve("landing"));
        Files.writeString(root.resolve("landing/a.parquet"), "x");

        assertThat(ExternalFiles.anyMatch(root, "landing/**/*.parquet")).isTrue();
        assertThat(ExternalFiles.anyMatch(root, "landing/*.csv")).isFalse();
    }

    @Test
    void aPlainPathIsAFileOrNotAndARemoteLocationCountsAsPresent() throws Exception {
        Files.writeString(root.resolve("orders.csv"), "id\n");

        assertThat(ExternalFiles.anyMatch(root, "orders.csv")).isTrue();
        assertThat(ExternalFiles.anyMatch(root, "customers.csv")).isFalse();
        assertThat(ExternalFiles.anyMatch(root, "gs://bucket/landing/**/*.parquet")).isTrue();
    }
}
