package dev.quarry.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The site's folders that a run writes whole, emptied first so nothing of an earlier run stays. */
final class Folders {

    private Folders() {
    }

    /** Deletes the folder with everything in it, if it exists, and creates it empty. */
    static void emptied(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot empty " + folder, failure);
        }
    }
}
