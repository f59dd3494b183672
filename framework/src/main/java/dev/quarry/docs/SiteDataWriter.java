package dev.quarry.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogColumn;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.RunResults;
import dev.quarry.parallel.BalancedParallel;
import dev.quarry.report.PhaseTimer;

/**
 * Writes the site's data under {@code <site>/data/}: {@code index.js} (every node in brief and the search index),
 * {@code nodes/<n>.js} (the full pages of {@value #NODES_PER_SHARD} nodes: short ids {@code n*16} to
 * {@code n*16+15}) and {@code graph/<n>.js} (parents and children of {@value #GRAPH_PER_SHARD} nodes). Shards are
 * numbered, so file names are always safe. Earlier shards are deleted first; the index is written last.
 */
public final class SiteDataWriter {

    /** Nodes per {@code nodes/} file: a page loads its node's neighbours' shards without loading much else. */
    public static final int NODES_PER_SHARD = 16;
    /** Nodes per {@code graph/} file: an entry is two short lists of numbers. */
    public static final int GRAPH_PER_SHARD = 256;

    private final ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final ScriptFile scripts = new ScriptFile(mapper);

    /**
     * The site data of a compiled project; the catalog and the run results may be null. Column lineage of unchanged
     * models is reused from {@code target/.quarry/lineage-cache.bin}, which is saved again afterwards.
     */
    public SiteData write(CompiledProject compiled, Catalog catalog, RunResults results, Path siteDir) {
        Path targetDir = compiled.project().targetDir();
        String build = QuarryVersion.build();
        LineageCache lineage = LineageCache.load(targetDir, build);
        SiteData data = write(compiled.project().name(), compiled.nodes().values(), catalog, results, siteDir,
                lineage);
        try {
            lineage.save(targetDir, build);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot save the lineage cache under " + targetDir, failure);
        }
        return data;
    }

    /**
     * @param nodes   every node of the manifest, in order; those with {@code docs: {show: false}} are left out of the
     *                site (short ids are positions among the others)
     * @param catalog what the warehouse holds, or null
     * @param results the last run's results, or null
     */
    public SiteData write(String projectName, Collection<ManifestNode> nodes, Catalog catalog, RunResults results,
            Path siteDir) {
        return write(projectName, nodes, catalog, results, siteDir, LineageCache.empty());
    }

    SiteData write(String projectName, Collection<ManifestNode> nodes, Catalog catalog, RunResults results,
            Path siteDir, LineageCache lineage) {
        PhaseTimer timer = new PhaseTimer();
        SiteGraph graph = SiteGraph.of(nodes.stream().filter(ManifestNode::shownInDocs).toList());
        Catalog known = catalog == null ? Catalog.empty() : catalog;
        Map<String, NodeResult> lastResults = new HashMap<>();
        if (results != null) {
            results.results().forEach(result -> lastResults.put(result.uniqueId(), result));
        }
        Path dataDir = siteDir.resolve("data");
        int nodeShards = shards(graph.size(), NODES_PER_SHARD);
        int graphShards = shards(graph.size(), GRAPH_PER_SHARD);
        prepare(dataDir);
        timer.done("site data: numbering the nodes, emptying the shard folders");
        NodePage pages = new NodePage(graph, known, lastResults, lineage);
        // Balanced: the models' pages (with their lineage) cost far more than the tests', and come first.
        BalancedParallel.forEachIndex(nodeShards, shard -> scripts.write(
                dataDir.resolve("nodes/" + shard + ".js"), "nodes",
                shard(shard, NODES_PER_SHARD, graph.size(), "nodes", pages::of)));
        timer.done("site data: node pages");
        BalancedParallel.forEachIndex(graphShards, shard -> scripts.write(
                dataDir.resolve("graph/" + shard + ".js"), "graph",
                shard(shard, GRAPH_PER_SHARD, graph.size(), "nodes", id -> neighbours(graph, id))));
        timer.done("site data: graph shards");
        SearchIndex search = SearchTerms.build(graph, catalogColumns(known));
        scripts.writeParsed(dataDir.resolve("index.js"), "index",
                SiteIndex.of(projectName, graph, search, results));
        timer.done("site data: search index and index.js");
        return new SiteData(dataDir, graph.size(), nodeShards, graphShards, search.terms().size());
    }

    private static int shards(int nodes, int perShard) {
        return (nodes + perShard - 1) / perShard;
    }

    private static Map<String, Object> shard(int shard, int perShard, int nodes, String field,
            java.util.function.IntFunction<Object> entry) {
        List<Object> entries = new ArrayList<>(perShard);
        for (int id = shard * perShard; id < Math.min(nodes, (shard + 1) * perShard); id++) {
            entries.add(entry.apply(id));
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("shard", shard);
        file.put(field, entries);
        return file;
    }

    private static Map<String, Object> neighbours(SiteGraph graph, int id) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("parents", graph.parents().get(id));
        entry.put("children", graph.children().get(id));
        return entry;
    }

    private static Map<String, List<String>> catalogColumns(Catalog catalog) {
        Map<String, List<String>> columns = new HashMap<>();
        Stream.concat(catalog.nodes().values().stream(), catalog.sources().values().stream()).forEach(table ->
                columns.put(table.uniqueId(), table.columns().stream().map(CatalogColumn::name).toList()));
        return columns;
    }

    /** Creates the folders and deletes the shards of an earlier, possibly larger, project. */
    private static void prepare(Path dataDir) {
        for (String folder : List.of("nodes", "graph")) {
            Folders.emptied(dataDir.resolve(folder));
        }
    }
}
