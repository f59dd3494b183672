package dev.sfcrimestats.landing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The landing zone in a local folder ({@code data/landing}). A file is written under a hidden temporary name in its
 * final folder and renamed into place, so a reader never sees half of it.
 */
public final class LocalLandingZone implements LandingZone {

    private final Path root;
    private final String shownRoot;

    /**
     * @param root      the folder
     * @param shownRoot how messages show it (the path as the project wrote it)
     */
    public LocalLandingZone(Path root, String shownRoot) {
        this.root = root;
        this.shownRoot = shownRoot.replaceAll("/+$", "");
    }

    @Override
    public String locate(String path) {
        return shownRoot + "/" + path;
    }

    @Override
    public void checkWritable() throws IOException {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".quarry-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException failure) {
            throw new IOException("cannot write to the landing folder " + shownRoot + " (" + describe(failure)
                    + "); make it writable or set the loader's landing: to another folder", failure);
        }
    }

    @Override
    public void putNew(String path, Path localFile) throws IOException {
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(locate(path));
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(localFile, temporary);
            // Without REPLACE_EXISTING the move refuses a file that appeared meanwhile.
            Files.move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void replace(String path, byte[] content) throws IOException {
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path folder = resolve(prefix.replaceAll("/+$", ""));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(resolve(path));
    }

    @Override
    public Path localCopy(String path, Path scratch) {
        return resolve(path);
    }

    private Path resolve(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    private static String describe(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied: " + failure.getMessage();
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + failure.getMessage();
        }
        return failure.toString();
    }
}
