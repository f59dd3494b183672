package dev.quarry.project;

import java.util.List;

/**
 * A model's SQL template file.
 *
 * @param name    the file stem, unique in the project
 * @param path    relative to the project directory
 * @param folders the folders between the model path and the file (the middle of the model's fqn)
 * @param rawCode the template text as written
 */
public record ModelFile(String name, String path, List<String> folders, String rawCode) {

    public ModelFile {
        folders = List.copyOf(folders);
    }
}
