package dev.quarry.artifacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Rewrites a manifest that {@link ManifestWriter} wrote, giving it new metadata and new values for some fields of some
 * nodes, and copying every other byte as it was: what a full write would give when only those values changed, in a
 * fraction of its time. Written atomically, as the writer does.
 */
public final class ManifestPatch {

    private final ManifestWriter writer = new ManifestWriter();
    private final JsonFactory factory = new JsonFactory();

    /**
     * @param layout   the manifest as written, and where its parts lie
     * @param metadata the new metadata
     * @param changes  by node unique id, the fields to set (each a top-level field the node has) and their values
     * @return the new layout
     * @throws IOException when the manifest cannot be read or written, or does not hold what the layout says
     */
    public ManifestLayout apply(ManifestLayout layout, ManifestWriter.Metadata metadata, Instant generatedAt,
            Map<String, Map<String, Object>> changes) throws IOException {
        List<Replacement> replacements = new ArrayList<>();
        replacements.add(new Replacement(layout.metadata(), writer.metadataJson(metadata, generatedAt)));
        Path temporary = layout.file().resolveSibling(layout.file().getFileName() + ".tmp");
        try (FileChannel old = FileChannel.open(layout.file(), StandardOpenOption.READ)) {
            for (Map.Entry<String, Map<String, Object>> change : changes.entrySet()) {
                ManifestLayout.Range range = layout.nodes().get(change.getKey());
                if (range == null || range.end() > old.size()) {
                    throw new IOException("the manifest has no node " + change.getKey() + " where it was written");
                }
                replacements.add(new Replacement(range, patchNode(read(old, range), change.getValue())));
            }
            replacements.sort(Comparator.comparingLong(replacement -> replacement.range().start()));
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long at = 0;
                for (Replacement replacement : replacements) {
                    copy(old, at, replacement.range().start(), out);
                    ByteBuffer bytes = ByteBuffer.wrap(replacement.bytes());
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    at = replacement.range().end();
                }
                copy(old, at, old.size(), out);
            }
        }
        Files.move(temporary, layout.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return shifted(layout, replacements);
    }

    private static byte[] read(FileChannel file, ManifestLayout.Range range) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (range.end() - range.start()));
        while (bytes.hasRemaining()) {
            if (file.read(bytes, range.start() + bytes.position()) < 0) {
                throw new IOException("the manifest ends before a node written in it");
            }
        }
        return bytes.array();
    }

    /** Copies bytes {@code from} to {@code to} of one file to the end of another, in the kernel where it can. */
    private static void copy(FileChannel source, long from, long to, FileChannel target) throws IOException {
        for (long at = from; at < to; ) {
            long moved = source.transferTo(at, to - at, target);
            if (moved <= 0) {
                throw new IOException("the manifest ends before a node written in it");
            }
            at += moved;
        }
    }

    private record Replacement(ManifestLayout.Range range, byte[] bytes) {

        long growth() {
            return bytes.length - (range.end() - range.start());
        }
    }

    /** A node's JSON with the values of the given top-level fields replaced, every other byte kept. */
    private byte[] patchNode(byte[] node, Map<String, Object> fields) throws IOException {
        List<Replacement> replacements = new ArrayList<>();
        try (JsonParser parser = factory.createParser(node)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a node of the manifest is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                long start = parser.currentTokenLocation().getByteOffset();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else {
                    parser.finishToken();
                }
                if (fields.containsKey(field)) {
                    long end = parser.currentLocation().getByteOffset();
                    replacements.add(new Replacement(new ManifestLayout.Range(start, end),
                            writer.valueJson(fields.get(field))));
                }
            }
        }
        if (replacements.size() != fields.size()) {
            throw new IOException("a node of the manifest lacks one of the fields " + fields.keySet());
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(node.length + 1024);
        int at = 0;
        for (Replacement replacement : replacements) {
            out.write(node, at, (int) replacement.range().start() - at);
            out.write(replacement.bytes());
            at = (int) replacement.range().end();
        }
        out.write(node, at, node.length - at);
        return out.toByteArray();
    }

    /** The layout after the replacements: what follows a replaced part moves by how much it grew. */
    private static ManifestLayout shifted(ManifestLayout layout, List<Replacement> replacements) {
        long[] starts = new long[replacements.size()];
        long[] growthBefore = new long[replacements.size() + 1];
        for (int index = 0; index < replacements.size(); index++) {
            starts[index] = replacements.get(index).range().start();
            growthBefore[index + 1] = growthBefore[index] + replacements.get(index).growth();
        }
        Map<ManifestLayout.Range, byte[]> replaced = new HashMap<>();
        replacements.forEach(replacement -> replaced.put(replacement.range(), replacement.bytes()));
        java.util.function.Function<ManifestLayout.Range, ManifestLayout.Range> move = range -> {
            int position = Arrays.binarySearch(starts, range.start());
            int before = position >= 0 ? position : -position - 1;
            long start = range.start() + growthBefore[before];
            byte[] bytes = replaced.get(range);
            return new ManifestLayout.Range(start, bytes != null ? start + bytes.length
                    : start + (range.end() - range.start()));
        };
        Map<String, ManifestLayout.Range> nodes = new HashMap<>();
        layout.nodes().forEach((id, range) -> nodes.put(id, move.apply(range)));
        return new ManifestLayout(layout.file(), move.apply(layout.metadata()), nodes);
    }
}
