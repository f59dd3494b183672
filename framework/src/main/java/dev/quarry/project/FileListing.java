package dev.quarry.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files under a project's folders, listed once per load: the model folders are searched for SQL, properties and
 * doc files, and walking thousands of files three times costs as much as reading them. Hidden files and folders (a
 * name starting with a dot) are left out; paths are relative to the project directory, with forward slashes.
 */
final class FileListing {

    private final Path projectDir;
    private final Map<String, List<String>> filesByFolder = new HashMap<>();

    FileListing(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Every file (not folder) under the folders with one of the endings, sorted by relative path. */
    List<String> find(List<String> folders, String... endings) throws IOException {
        List<String> found = new ArrayList<>();
        for (String folder : folders) {
            for (String path : filesUnder(folder)) {
                if (endsWithAny(path, endings)) {
                    found.add(path);
                }
            }
        }
        found.sort(null);
        return found;
    }

    private List<String> filesUnder(String folder) throws IOException {
        List<String> known = filesByFolder.get(folder);
        if (known != null) {
            return known;
        }
        Path start = projectDir.resolve(folder);
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(start) && !hasHiddenPart(projectDir.relativize(start))) {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return !directory.equals(start) && isHidden(directory) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                // Not only regular files: a broken link must be read, and fail, rather than be skipped without a word.
                // A link to a folder is not followed.
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    boolean folder = attributes.isDirectory()
                            || attributes.isSymbolicLink() && Files.isDirectory(file);
                    if (!folder && !isHidden(file)) {
                        files.add(projectDir.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        filesByFolder.put(folder, files);
        return files;
    }

    private static boolean hasHiddenPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".") && !part.toString().equals(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static boolean endsWithAny(String path, String... endings) {
        for (String ending : endings) {
            if (path.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
