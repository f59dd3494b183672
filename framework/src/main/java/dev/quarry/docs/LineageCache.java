package dev.quarry.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.quarry.lineage.ColumnLineage;
import dev.quarry.lineage.LineageResult;
import dev.quarry.project.CacheFile;

/**
 * Column lineage of earlier docs builds, kept in {@code target/.quarry/lineage-cache.bin}, so that a model whose
 * compiled SQL is unchanged is not parsed again. {@link ColumnLineage#analyze} depends only on the SQL and on the
 * columns it asks for: an entry keeps the hash of the SQL, the answer to every question the analysis asked, and the
 * result, and is reused only while the SQL hash matches and every such answer is still the same. Only the entries used
 * by the latest build are saved. Thread-safe.
 */
final class LineageCache {

    private static final String FILE = "lineage-cache.bin";

    /**
     * One model's lineage.
     *
     * @param sqlHash SHA-256 of the compiled SQL
     * @param asked   each relation the analysis asked about, with the columns it was told (null: unknown)
     * @param result  what the analysis found
     */
    record Entry(String sqlHash, Map<String, List<String>> asked, LineageResult result) {
    }

    private final Map<String, Entry> previous;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();

    private LineageCache(Map<String, Entry> previous) {
        this.previous = previous;
    }

    /** A cache that starts empty. */
    static LineageCache empty() {
        return new LineageCache(Map.of());
    }

    /** The cache under a target directory; empty when there is none, it is another build's, or damaged. */
    static LineageCache load(Path targetDir, String toolBuild) {
        return new CacheFile(targetDir, FILE, toolBuild).read(LineageCacheCodec::read).map(LineageCache::new)
                .orElseGet(LineageCache::empty);
    }

    /** Writes the entries this build used. */
    void save(Path targetDir, String toolBuild) throws IOException {
        new CacheFile(targetDir, FILE, toolBuild).write(out -> LineageCacheCodec.write(used, out));
    }

    /**
     * The lineage of one node's compiled SQL: the kept result when nothing it depends on changed, else a new
     * analysis (which is kept).
     *
     * @param key       the node's unique id
     * @param columnsOf as for {@link ColumnLineage#analyze(String, Function)}
     */
    LineageResult analyze(String key, String compiledSql, Function<String, Optional<List<String>>> columnsOf) {
        String sqlHash = hash(compiledSql);
        Entry kept = previous.get(key);
        if (kept != null && kept.sqlHash().equals(sqlHash) && sameAnswers(kept.asked(), columnsOf)) {
            used.put(key, kept);
            return kept.result();
        }
        Map<String, List<String>> asked = new HashMap<>();
        LineageResult result = ColumnLineage.analyze(compiledSql, relation -> {
            Optional<List<String>> columns = columnsOf.apply(relation);
            asked.put(relation, columns.map(List::copyOf).orElse(null));
            return columns;
        });
        used.put(key, new Entry(sqlHash, asked, result));
        return result;
    }

    private static boolean sameAnswers(Map<String, List<String>> asked,
            Function<String, Optional<List<String>>> columnsOf) {
        for (Map.Entry<String, List<String>> question : asked.entrySet()) {
            if (!Objects.equals(question.getValue(), columnsOf.apply(question.getKey()).orElse(null))) {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of a text, in hex: an entry's {@code sqlHash}. */
    static String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }
}
