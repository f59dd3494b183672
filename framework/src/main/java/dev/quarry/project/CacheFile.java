package dev.quarry.project;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A binary cache file under {@code target/.quarry/}, stamped with the build of Quarry that wrote it. Reading gives
 * nothing when the file is missing, another build's, or damaged (a cache only saves time); writing goes through a
 * temporary file and a move, so a killed run never leaves half a file.
 */
public final class CacheFile {

    private static final Logger LOG = LoggerFactory.getLogger(CacheFile.class);

    /** Reads a cache's content after its stamp. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Writes a cache's content after its stamp. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private final Path file;
    private final String toolBuild;

    /**
     * @param targetDir the project's target directory
     * @param name      the file name under {@code target/.quarry/}
     * @param toolBuild the build of Quarry: a file another build wrote is not read
     */
    public CacheFile(Path targetDir, String name, String toolBuild) {
        this.file = targetDir.resolve(".quarry").resolve(name);
        this.toolBuild = toolBuild;
    }

    public <T> Optional<T> read(Reader<T> reader) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(stream);
            if (!in.readUTF().equals(toolBuild)) {
                LOG.debug("ignoring {}: written by another build of Quarry", file);
                return Optional.empty();
            }
            return Optional.of(reader.read(in));
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("ignoring the unreadable cache {}", file, unreadable);
            return Optional.empty();
        }
    }

    public void write(Writer writer) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(toolBuild);
            writer.write(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
