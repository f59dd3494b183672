package dev.quarry.compile;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parse and compile results of earlier runs, by template path, kept in {@code target/.quarry/compile-cache.bin}. An
 * entry is used only while its content-hash key matches; a missing, old or damaged file is an empty cache.
 */
public final class CompileCache {

    private static final Logger LOG = LoggerFactory.getLogger(CompileCache.class);
    private static final String FILE = ".quarry/compile-cache.bin";

    private final String toolBuild;
    private final Map<String, CacheEntry> entries;

    private CompileCache(String toolBuild, Map<String, CacheEntry> entries) {
        this.toolBuild = toolBuild;
        this.entries = entries;
    }

    /**
     * An empty cache.
     *
     * @param toolBuild identifies the build of Quarry writing it: a cache written by another build is not used
     */
    public static CompileCache empty(String toolBuild) {
        return new CompileCache(toolBuild, new ConcurrentHashMap<>());
    }

    /** Reads the cache under a target directory; empty when there is none, it is another build's, or damaged. */
    public static CompileCache load(Path targetDir, String toolBuild) {
        Path file = targetDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return empty(toolBuild);
        }
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(stream);
            if (!in.readUTF().equals(toolBuild)) {
                LOG.debug("ignoring a compile cache written by another build of Quarry");
                return empty(toolBuild);
            }
            return new CompileCache(toolBuild, CacheCodec.read(in));
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("ignoring an unreadable compile cache {}", file, unreadable);
            return empty(toolBuild);
        }
    }

    /** Writes the cache atomically (a temporary file, then a move), so a killed run never leaves half a file. */
    public void save(Path targetDir) throws IOException {
        Path file = targetDir.resolve(FILE);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(toolBuild);
            CacheCodec.write(entries, out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    CacheEntry get(String path) {
        return entries.get(path);
    }

    void put(String path, CacheEntry entry) {
        entries.put(path, entry);
    }

    /** Drops entries of files that no longer exist. */
    void retainOnly(java.util.Set<String> paths) {
        entries.keySet().retainAll(paths);
    }
}
