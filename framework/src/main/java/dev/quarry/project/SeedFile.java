package dev.quarry.project;

import java.util.List;

/** A CSV file under the seed paths; its stem names the table {@code quarry seed} loads. */
public record SeedFile(String name, String path, List<String> folders) {

    public SeedFile {
        folders = List.copyOf(folders);
    }
}
