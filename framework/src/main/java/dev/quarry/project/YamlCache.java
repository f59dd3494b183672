package dev.quarry.project;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.error.SourceLocation;

/**
 * Parsed YAML files of earlier runs, by path and content hash, in {@code target/.quarry/yaml-cache.bin}: parsing is
 * the slowest part of loading a large project, and most files do not change between runs. Only syntax-clean
 * documents are cached; values are stored before {@code env_var()}/{@code var()} are resolved.
 */
public final class YamlCache {

    private static final String FILE = "yaml-cache.bin";

    private final Map<String, Entry> entries;
    private volatile boolean changed;

    private record Entry(String hash, YamlNode document) {
    }

    private YamlCache(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** A cache that starts empty. */
    public static YamlCache empty() {
        return new YamlCache(new ConcurrentHashMap<>());
    }

    /** Reads the cache under a target directory; empty when missing, written by another build, or damaged. */
    public static YamlCache load(Path targetDir, String toolBuild) {
        return new CacheFile(targetDir, FILE, toolBuild).read(in -> {
            int size = in.readInt();
            Map<String, Entry> entries = new ConcurrentHashMap<>(size * 2);
            for (int index = 0; index < size; index++) {
                String path = in.readUTF();
                String hash = in.readUTF();
                entries.put(path, new Entry(hash, readNode(in, path)));
            }
            return new YamlCache(entries);
        }).orElseGet(YamlCache::empty);
    }

    /** Writes the cache if anything changed. */
    public void saveIfChanged(Path targetDir, String toolBuild) throws IOException {
        if (!changed) {
            return;
        }
        new CacheFile(targetDir, FILE, toolBuild).write(out -> {
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue().hash());
                writeNode(entry.getValue().document(), out);
            }
        });
        changed = false;
    }

    /** The cached document for the text of this file with this {@link ContentHash}, or null. */
    YamlNode get(String path, String hash) {
        Entry entry = entries.get(path);
        return entry != null && entry.hash().equals(hash) ? entry.document() : null;
    }

    void put(String path, String hash, YamlNode document) {
        entries.put(path, new Entry(hash, document));
        changed = true;
    }

    /** Forgets files that are gone. */
    void retainOnly(java.util.Collection<String> paths) {
        changed |= entries.keySet().retainAll(paths);
    }

    private static void writeNode(YamlNode node, DataOutputStream out) throws IOException {
        out.writeInt(node.location().line());
        out.writeInt(node.location().column());
        if (node instanceof YamlScalar scalar) {
            out.writeByte('s');
            out.writeByte(scalar.kind().ordinal());
            if (!scalar.isNull()) {
                writeText(scalar.text(), out);
            }
        } else if (node instanceof YamlList list) {
            out.writeByte('l');
            out.writeInt(list.items().size());
            for (YamlNode item : list.items()) {
                writeNode(item, out);
            }
        } else {
            YamlMap map = (YamlMap) node;
            out.writeByte('m');
            out.writeInt(map.entries().size());
            for (YamlMap.Entry entry : map.entries().values()) {
                writeText(entry.key(), out);
                out.writeInt(entry.keyLocation().line());
                out.writeInt(entry.keyLocation().column());
                writeNode(entry.value(), out);
            }
        }
    }

    private static YamlNode readNode(DataInputStream in, String path) throws IOException {
        SourceLocation location = new SourceLocation(path, in.readInt(), in.readInt());
        byte tag = in.readByte();
        if (tag == 's') {
            YamlScalar.Kind kind = YamlScalar.Kind.values()[in.readByte()];
            return new YamlScalar(kind == YamlScalar.Kind.NULL ? null : readText(in), kind, location);
        }
        if (tag == 'l') {
            int size = in.readInt();
            YamlNode[] items = new YamlNode[size];
            for (int index = 0; index < size; index++) {
                items[index] = readNode(in, path);
            }
            return new YamlList(List.of(items), location);
        }
        if (tag != 'm') {
            throw new IOException("damaged YAML cache");
        }
        int size = in.readInt();
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>(size * 2);
        for (int index = 0; index < size; index++) {
            String key = readText(in);
            SourceLocation keyLocation = new SourceLocation(path, in.readInt(), in.readInt());
            entries.put(key, new YamlMap.Entry(key, keyLocation, readNode(in, path)));
        }
        return new YamlMap(entries, location);
    }

    private static void writeText(String text, DataOutputStream out) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
