package dev.quarry.cli;

import java.util.EnumMap;
import java.util.Map;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;

/** The one-line counts commands print: {@code Found 12 models, 3 seeds, 40 data tests, ...}. */
final class Summaries {

    private Summaries() {
    }

    static String found(CompiledProject project) {
        Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
        for (ManifestNode node : project.nodes().values()) {
            counts.merge(node.type(), 1, Integer::sum);
        }
        return "Found " + count(counts, ResourceType.MODEL, "model") + ", "
                + count(counts, ResourceType.SEED, "seed") + ", "
                + count(counts, ResourceType.DATA_TEST, "data test") + ", "
                + count(counts, ResourceType.UNIT_TEST, "unit test") + ", "
                + count(counts, ResourceType.SOURCE, "source") + ", "
                + count(counts, ResourceType.EXPOSURE, "exposure")
                + "; " + project.selected().size() + " selected";
    }

    private static String count(Map<ResourceType, Integer> counts, ResourceType type, String noun) {
        int count = counts.getOrDefault(type, 0);
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
