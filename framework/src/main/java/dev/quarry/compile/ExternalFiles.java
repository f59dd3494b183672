package dev.quarry.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.stream.Stream;

/**
 * Whether an external source's location ({@code data/landing/x/**}{@code /*.parquet}) matches a file now. A glob's
 * {@code **} matches zero or more folders, as in DuckDB. A location on a remote store ({@code gs://...}) cannot be
 * looked at while compiling and counts as matching.
 */
final class ExternalFiles {

    private ExternalFiles() {
    }

    static boolean anyMatch(Path projectRoot, String location) {
        if (location.contains("://")) {
            return true;
        }
        Path pattern = projectRoot.resolve(location).normalize();
        String text = pattern.toString();
        int glob = firstGlobCharacter(text);
        if (glob < 0) {
            return Files.isRegularFile(pattern);
        }
        Path base = Path.of(text.substring(0, text.lastIndexOf('/', glob) + 1));
        if (!Files.isDirectory(base)) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + text);
        PathMatcher flat = FileSystems.getDefault().getPathMatcher("glob:" + text.replace("**/", ""));
        try (Stream<Path> files = Files.walk(base)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && (matcher.matches(file) || flat.matches(file)));
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }

    private static int firstGlobCharacter(String text) {
        for (int index = 0; index < text.length(); index++) {
            if ("*?[{".indexOf(text.charAt(index)) >= 0) {
                return index;
            }
        }
        return -1;
    }
}
