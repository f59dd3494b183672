package dev.quarry.project;

import java.util.List;

/** A singular data test: a SQL template under the test paths that returns the failing rows. */
public record SingularTestFile(String name, String path, List<String> folders, String rawCode) {

    public SingularTestFile {
        folders = List.copyOf(folders);
    }
}
