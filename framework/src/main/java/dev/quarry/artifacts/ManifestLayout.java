package dev.quarry.artifacts;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the parts a compile may patch lie in a written {@code manifest.json}: the metadata object and each model's
 * object, as byte offsets.
 *
 * @param nodes the models', by unique id
 */
public record ManifestLayout(Path file, Range metadata, Map<String, Range> nodes) {

    public ManifestLayout {
        nodes = Map.copyOf(nodes);
    }

    /** The bytes from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Range(long start, long end) {

        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a range: " + start + ".." + end);
            }
        }
    }
}
