package dev.quarry.project;

import java.util.List;

/**
 * A model's SQL template file.
 *
 * @param name    the file stem, unique in the project
 * @param path    relative to the project directory
 * @param folders the folders between the model path and the file (the middle of the model's fqn)
 * @param rawCode the template text as written
 * @param contentHash the {@link ContentHash} of {@code rawCode}
 */
public record ModelFile(String name, String path, List<String> folders, String rawCode, String contentHash) {

    public ModelFile {
        folders = List.copyOf(folders);
    }

    public ModelFile(String name, String path, List<String> folders, String rawCode) {
        this(name, path, folders, rawCode, ContentHash.of(rawCode));
    }
}
