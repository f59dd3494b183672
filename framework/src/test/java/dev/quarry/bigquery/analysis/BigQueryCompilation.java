package dev.quarry.bigquery.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.cli.QuarryCli;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.LoadOptions;
import dev.quarry.project.Project;
import dev.quarry.project.ProjectLoader;

/**
 * A project compiled for a BigQuery target by the real command line, in-process ({@code quarry --target T compile}
 * with an empty environment), and read back from {@code target/manifest.json}.
 *
 * @param defaultProject the target's project, where a BigQuery job runs and two-part names resolve
 * @param nodes          the sources, then models, seeds and data tests, in manifest order, then the incremental
 *                       runs of incremental models ({@link IncrementalRuns})
 */
record BigQueryCompilation(Path projectDir, String projectName, String defaultProject, List<ProjectNode> nodes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    BigQueryCompilation {
        nodes = List.copyOf(nodes);
    }

    /** Compiles the project in {@code projectDir} (it writes {@code target/} there) for the named BigQuery target. */
    static BigQueryCompilation compile(Path projectDir, String target) throws IOException {
        return compile(projectDir, target, Map.of());
    }

    /** The same, with these environment variables for {@code env_var()}. */
    static BigQueryCompilation compile(Path projectDir, String target, Map<String, String> environment)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = QuarryCli.run(new String[] {"--project-dir", projectDir.toString(), "--target", target,
                "compile"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, null, false);
        if (exitCode != 0) {
            throw new AssertionError("quarry --target " + target + " compile exited with " + exitCode + " in "
                    + projectDir + ":\n" + err.toString(StandardCharsets.UTF_8));
        }
        JsonNode manifest = JSON.readTree(projectDir.resolve("target/manifest.json").toFile());
        String adapter = manifest.at("/metadata/adapter_type").asText();
        if (!adapter.equals("bigquery")) {
            throw new AssertionError("target " + target + " of " + projectDir + " is " + adapter + ", not bigquery");
        }
        List<ProjectNode> nodes = new ArrayList<>();
        manifest.get("sources").forEach(node -> nodes.add(node(node)));
        manifest.get("nodes").forEach(node -> nodes.add(node(node)));
        Project project = new ProjectLoader(new LoadOptions(null, null, target, Map.of(), environment))
                .load(projectDir, new Diagnostics());
        nodes.addAll(IncrementalRuns.of(project, nodes));
        // The target's project: the manifest does not record it.
        return new BigQueryCompilation(projectDir, project.name(), project.target().database(), nodes);
    }

    private static ProjectNode node(JsonNode node) {
        String type = node.get("resource_type").asText();
        List<String> relation = new ArrayList<>();
        String rendered = text(node, "relation_name");
        if (rendered != null) {
            if (node.hasNonNull("database")) {
                relation.add(node.get("database").asText());
            }
            relation.add(node.get("schema").asText());
            relation.add(node.get(type.equals("source") ? "identifier" : "alias").asText());
        }
        Map<String, String> columnTypes = new LinkedHashMap<>();
        node.get("columns").forEach(column -> columnTypes.put(column.get("name").asText(),
                column.hasNonNull("data_type") ? column.get("data_type").asText() : null));
        String sourceTable = type.equals("source") ? node.get("name").asText() : null;
        return new ProjectNode(node.get("unique_id").asText(), type, node.get("name").asText(),
                node.get("original_file_path").asText(), text(node, "defined_at"), text(node, "compiled_code"),
                JSON.convertValue(node.at("/depends_on/nodes"), new TypeReference<List<String>>() { }), relation,
                rendered, text(node.get("config"), "materialized"),
                JSON.convertValue(node.get("config"), new TypeReference<Map<String, Object>>() { }), columnTypes,
                sourceTable);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
