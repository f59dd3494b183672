package dev.quarry.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishes a site to a folder (a path, or {@code file://...}): copies every file, then deletes the files there that
 * the site no longer has, and the folders left empty.
 */
final class FolderPublisher implements SitePublisher {

    static final String SCHEME = "file";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public PublishedSite publish(Path siteDir, String destination, Map<String, String> environment)
            throws SitePublishException {
        Path target = Path.of(destination.startsWith("file://") ? destination.substring("file://".length())
                : destination).toAbsolutePath().normalize();
        if (target.startsWith(siteDir.toAbsolutePath().normalize())) {
            throw new SitePublishException("cannot publish the site into itself: " + target);
        }
        try {
            List<Path> files = files(siteDir);
            Set<Path> published = new HashSet<>();
            long bytes = 0;
            for (Path file : files) {
                Path relative = siteDir.relativize(file);
                Path copy = target.resolve(relative.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                published.add(copy);
                bytes += Files.size(file);
            }
            int removed = 0;
            for (Path old : files(target)) {
                if (!published.contains(old)) {
                    Files.delete(old);
                    removed++;
                }
            }
            deleteEmptyFolders(target);
            return new PublishedSite(target.toString(), files.size(), bytes, removed);
        } catch (IOException failure) {
            throw new SitePublishException("cannot publish the site to " + target + ": " + failure, failure);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteEmptyFolders(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                if (!folder.equals(root)) {
                    try (Stream<Path> inside = Files.list(folder)) {
                        if (inside.findAny().isEmpty()) {
                            Files.delete(folder);
                        }
                    }
                }
            }
        }
    }
}
