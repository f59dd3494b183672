package dev.quarry.artifacts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.compile.Reference;
import dev.quarry.graph.ResourceType;
import dev.quarry.parallel.BalancedParallel;
import dev.quarry.project.ColumnProperties;
import dev.quarry.project.Constraint;
import dev.quarry.project.DocBlock;
import dev.quarry.project.MacroFile;

/**
 * Writes {@code target/manifest.json}: every node with its code, config and dependencies, sources, macros, docs,
 * exposures, unit tests, and parent and child maps. Streamed, and written atomically.
 */
public final class ManifestWriter {

    /** Bumped whenever the manifest's shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_URL = "https://quarry.dev/schemas/manifest/v" + SCHEMA_VERSION + ".json";

    private static final Pattern MACRO_DEFINITION =
            Pattern.compile("<#(function|macro)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    /** The streaming core alone: an object mapper costs tens of milliseconds to start and is not needed here. */
    private final JsonFactory factory = new JsonFactory();

    /**
     * Writes the manifest.
     *
     * @return where the metadata's and each model's JSON lie in the file, so that a later compile can patch them
     */
    public ManifestLayout write(CompiledProject compiled, Path targetDir, Instant generatedAt) throws IOException {
        Files.createDirectories(targetDir);
        Path file = targetDir.resolve("manifest.json");
        Path temporary = targetDir.resolve("manifest.json.tmp");
        Map<String, ManifestLayout.Range> ranges = new java.util.HashMap<>();
        ManifestLayout.Range metadataRange;
        try (CountingStream stream = new CountingStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(temporary), 1 << 16));
                JsonGenerator json = factory.createGenerator(stream, JsonEncoding.UTF8)
                        .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            json.writeStartObject();
            json.writeFieldName("metadata");
            metadataRange = writeLocated(json, stream, metadataJson(new Metadata(compiled.environment()
                    .invocationId(), compiled.project().name(), compiled.project().target().name(),
                    compiled.engineType()), generatedAt));
            nodes(json, stream, ranges, "nodes", compiled,
                    List.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.DATA_TEST));
            nodes(json, stream, ranges, "sources", compiled, List.of(ResourceType.SOURCE));
            nodes(json, stream, ranges, "unit_tests", compiled, List.of(ResourceType.UNIT_TEST));
            nodes(json, stream, ranges, "exposures", compiled, List.of(ResourceType.EXPOSURE));
            macros(json, compiled);
            docs(json, compiled);
            maps(json, compiled);
            json.writeFieldName("selected");
            PlainJson.write(json, compiled.selected());
            json.writeEndObject();
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ManifestLayout(file, metadataRange, ranges);
    }

    /** What the manifest's metadata says besides the schema, the Quarry version and the time. */
    public record Metadata(String invocationId, String projectName, String targetName, String adapterType) {
    }

    /** The metadata object, as the manifest holds it. */
    public byte[] metadataJson(Metadata metadata, Instant generatedAt) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(512);
        try (JsonGenerator json = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("quarry_schema_version", SCHEMA_URL);
            json.writeNumberField("schema_version", SCHEMA_VERSION);
            json.writeStringField("quarry_version", QuarryVersion.get());
            json.writeStringField("generated_at", generatedAt.toString());
            json.writeStringField("invocation_id", metadata.invocationId());
            json.writeStringField("project_name", metadata.projectName());
            json.writeStringField("target_name", metadata.targetName());
            json.writeStringField("adapter_type", metadata.adapterType());
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** A node's checksum, as the manifest holds it. */
    public static Map<String, Object> checksum(ManifestNode node) {
        Map<String, Object> checksum = new java.util.LinkedHashMap<>();
        checksum.put("name", "sha256");
        checksum.put("checksum", node.checksum());
        return checksum;
    }

    /** A plain value (text, a map, a list) encoded as the manifest encodes its values. */
    public byte[] valueJson(Object value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JsonGenerator json = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            PlainJson.write(json, value);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** Writes encoded JSON as a value and says where in the file it lies. */
    private static ManifestLayout.Range writeLocated(JsonGenerator json, CountingStream stream, byte[] value)
            throws IOException {
        json.writeRawValue(new RawJson(value));
        json.flush();
        return new ManifestLayout.Range(stream.count() - value.length, stream.count());
    }

    /**
     * Nodes are serialized in parallel, each to its own text (balanced: the models, far longer than the tests, come
     * first), then written in order.
     */
    private void nodes(JsonGenerator json, CountingStream stream, Map<String, ManifestLayout.Range> ranges,
            String field, CompiledProject compiled, List<ResourceType> types) throws IOException {
        List<ManifestNode> selected = compiled.nodes().values().stream()
                .filter(node -> types.contains(node.type()))
                .toList();
        List<byte[]> texts = BalancedParallel.map(selected, this::nodeJson);
        json.writeObjectFieldStart(field);
        for (int index = 0; index < selected.size(); index++) {
            json.writeFieldName(selected.get(index).uniqueId());
            ManifestNode node = selected.get(index);
            if (node.type() == ResourceType.MODEL) {
                ranges.put(node.uniqueId(), writeLocated(json, stream, texts.get(index)));
            } else {
                json.writeRawValue(new RawJson(texts.get(index)));
            }
        }
        json.writeEndObject();
    }

    private byte[] nodeJson(ManifestNode node) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(
                node.rawCode() == null ? 512 : node.rawCode().length() * 3);
        try (JsonGenerator json = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            node(json, node);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void node(JsonGenerator json, ManifestNode node) throws IOException {
        json.writeStartObject();
        json.writeStringField("unique_id", node.uniqueId());
        json.writeStringField("resource_type", node.type().selectorName());
        json.writeStringField("name", node.name());
        json.writeStringField("package_name", node.packageName());
        json.writeStringField("original_file_path", node.path());
        json.writeStringField("patch_path", node.patchPath());
        json.writeFieldName("fqn");
        PlainJson.write(json, node.fqn());
        if (node.rawCode() != null) {
            json.writeStringField("raw_code", node.rawCode());
            json.writeStringField("language", "sql");
            json.writeBooleanField("compiled", node.compiledCode() != null);
            json.writeStringField("compiled_code", node.compiledCode());
        }
        json.writeFieldName("checksum");
        PlainJson.write(json, checksum(node));
        json.writeFieldName("config");
        PlainJson.write(json, node.config());
        json.writeFieldName("tags");
        PlainJson.write(json, node.tags());
        json.writeStringField("description", node.description());
        columns(json, node.columns());
        json.writeObjectFieldStart("depends_on");
        json.writeFieldName("nodes");
        PlainJson.write(json, node.dependsOn());
        json.writeEndObject();
        references(json, node.references());
        if (node.relation() != null) {
            json.writeStringField("database", node.relation().database());
            json.writeStringField("schema", node.relation().schema());
            json.writeStringField(node.type() == ResourceType.SOURCE ? "identifier" : "alias",
                    node.relation().identifier());
            json.writeStringField("relation_name", node.relation().rendered());
        }
        for (Map.Entry<String, Object> detail : node.details().entrySet()) {
            json.writeFieldName(detail.getKey());
            PlainJson.write(json, detail.getValue());
        }
        json.writeEndObject();
    }

    private static void columns(JsonGenerator json, List<ColumnProperties> columns) throws IOException {
        json.writeObjectFieldStart("columns");
        for (ColumnProperties column : columns) {
            json.writeObjectFieldStart(column.name());
            json.writeStringField("name", column.name());
            json.writeStringField("description", column.description());
            json.writeStringField("data_type", column.dataType());
            json.writeFieldName("tags");
            PlainJson.write(json, column.tags());
            json.writeFieldName("meta");
            PlainJson.write(json, column.meta());
            if (!column.constraints().isEmpty()) {
                json.writeFieldName("constraints");
                PlainJson.write(json, column.constraints().stream().map(Constraint::toManifest).toList());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void references(JsonGenerator json, List<Reference> references) throws IOException {
        json.writeArrayFieldStart("refs");
        for (Reference reference : references) {
            if (reference.isRef()) {
                json.writeStartObject();
                json.writeStringField("name", reference.name());
                json.writeStringField("package", reference.parts().size() == 2 ? reference.parts().get(0) : null);
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("sources");
        for (Reference reference : references) {
            if (!reference.isRef()) {
                PlainJson.write(json, reference.parts());
            }
        }
        json.writeEndArray();
    }

    private static void macros(JsonGenerator json, CompiledProject compiled) throws IOException {
        json.writeObjectFieldStart("macros");
        String project = compiled.project().name();
        for (MacroFile macro : compiled.project().macros()) {
            Matcher matcher = MACRO_DEFINITION.matcher(macro.text());
            while (matcher.find()) {
                json.writeObjectFieldStart("macro." + project + "." + matcher.group(2));
                json.writeStringField("name", matcher.group(2));
                json.writeStringField("kind", matcher.group(1));
                json.writeStringField("package_name", project);
                json.writeStringField("original_file_path", macro.path());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    private static void docs(JsonGenerator json, CompiledProject compiled) throws IOException {
        json.writeObjectFieldStart("docs");
        String project = compiled.project().name();
        for (DocBlock doc : new java.util.TreeMap<>(compiled.project().docs()).values()) {
            json.writeObjectFieldStart("doc." + project + "." + doc.name());
            json.writeStringField("name", doc.name());
            json.writeStringField("original_file_path", doc.location().file());
            json.writeStringField("block_contents", doc.text());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void maps(JsonGenerator json, CompiledProject compiled) throws IOException {
        json.writeObjectFieldStart("parent_map");
        for (String id : compiled.nodes().keySet()) {
            json.writeFieldName(id);
            PlainJson.write(json, compiled.graph().parents(id));
        }
        json.writeEndObject();
        json.writeObjectFieldStart("child_map");
        for (String id : compiled.nodes().keySet()) {
            json.writeFieldName(id);
            PlainJson.write(json, compiled.graph().children(id));
        }
        json.writeEndObject();
    }

    /** Counts the bytes written through it: where each node's JSON starts and ends. */
    private static final class CountingStream extends java.io.FilterOutputStream {

        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int value) throws IOException {
            out.write(value);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        long count() {
            return count;
        }
    }
}
