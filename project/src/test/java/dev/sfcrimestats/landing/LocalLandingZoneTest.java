package dev.sfcrimestats.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The landing zone in a local folder: the contract, plus what only a folder can get wrong. */
class LocalLandingZoneTest extends LandingZoneContract {

    @TempDir
    Path folder;

    @Override
    protected LandingZone zone() {
        return new LocalLandingZone(folder.resolve("landing"), "data/landing");
    }

    @Test
    void locatesPathsAsTheProjectWroteTheRoot() {
        assertThat(zone().locate("sfpd/incidents/_state.json")).isEqualTo("data/landing/sfpd/incidents/_state.json");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        LandingZone zone = zone();
        Path file = Files.writeString(folder.resolve("part.parquet"), "rows");
        zone.putNew("a/part.parquet", file);
        zone.replace("a/_state.json", "{}".getBytes());

        try (var files = Files.list(folder.resolve("landing/a"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("part.parquet",
                    "_state.json");
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedBeforeAnythingIsFetched() throws IOException {
        Files.writeString(folder.resolve("blocked"), "a file where the folder should be");
        LandingZone zone = new LocalLandingZone(folder.resolve("blocked/landing"), "blocked/landing");

        assertThatThrownBy(zone::checkWritable).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write to the landing folder blocked/landing (")
                .hasMessageEndingWith("); make it writable or set the loader's landing: to another folder");
    }
}
