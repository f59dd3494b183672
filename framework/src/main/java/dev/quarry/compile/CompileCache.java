package dev.quarry.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.project.CacheFile;

/**
 * Parse and compile results of earlier runs, by template path, kept in {@code target/.quarry/compile-cache.bin}. An
 * entry is used only while its content-hash key matches; a missing, old or damaged file is an empty cache.
 */
public final class CompileCache {

    private static final String FILE = "compile-cache.bin";

    private final Map<String, CacheEntry> entries;

    private CompileCache(Map<String, CacheEntry> entries) {
        this.entries = entries;
    }

    /** An empty cache. */
    public static CompileCache empty() {
        return new CompileCache(new ConcurrentHashMap<>());
    }

    /**
     * Reads the cache under a target directory; empty when there is none, it is another build's, or damaged.
     *
     * @param toolBuild identifies the build of Quarry: a cache another build wrote is not used
     */
    public static CompileCache load(Path targetDir, String toolBuild) {
        return new CacheFile(targetDir, FILE, toolBuild).read(CacheCodec::read).map(CompileCache::new)
                .orElseGet(CompileCache::empty);
    }

    /** Writes the cache, stamped with the build of Quarry. */
    public void save(Path targetDir, String toolBuild) throws IOException {
        new CacheFile(targetDir, FILE, toolBuild).write(out -> CacheCodec.write(entries, out));
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
