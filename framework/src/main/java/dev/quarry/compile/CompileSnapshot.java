package dev.quarry.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.quarry.graph.ResourceType;
import dev.quarry.project.CacheFile;
import dev.quarry.project.ContentHash;
import dev.quarry.project.ModelFile;
import dev.quarry.template.Relation;

/**
 * What the last full {@code compile} left, for a later one that finds only model bodies changed
 * ({@link QuickRecompile}): a fingerprint of everything else it read, what the models' compile depended on, and where
 * each model lies in the manifest it wrote. Kept in {@code target/.quarry/compile-snapshot.bin}, beside the compile
 * cache that compile saved, which holds each model's parse result and output columns.
 *
 * @param fingerprint   {@link QuickRecompile#fingerprint} of the project it was made from
 * @param environment   the environment variables the compile looked up, with their values (null: not set)
 * @param outputsStamp  the size, time and file key of the manifest and the compile cache written with it, and the
 *                      times of the compiled files' folders: any of them written since (by another command) makes the
 *                      snapshot useless
 * @param metadata      where the manifest's metadata lies
 * @param summary       the line that counted the project's nodes
 * @param nodeCount     how many nodes were compiled
 * @param sourceFiles   the answers of {@code source_has_files} the templates got, by {@code source.table}
 * @param refRelations  what {@code ref()} printed, by model or seed name
 * @param sourceRelations what {@code source()} printed, by {@code source.table}
 * @param models        every model, in the project's order
 */
public record CompileSnapshot(String fingerprint, Map<String, String> environment, String outputsStamp, Span metadata,
        String summary, int nodeCount, Map<String, Boolean> sourceFiles, Map<String, Relation> refRelations,
        Map<String, Relation> sourceRelations, List<Model> models) {

    private static final String FILE = "compile-snapshot.bin";

    public CompileSnapshot {
        environment = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(environment));
        sourceFiles = Map.copyOf(sourceFiles);
        refRelations = Map.copyOf(refRelations);
        sourceRelations = Map.copyOf(sourceRelations);
        models = List.copyOf(models);
    }

    /** Bytes {@code start} (inclusive) to {@code end} (exclusive) of the manifest. */
    public record Span(long start, long end) {
    }

    /**
     * @param contentHash   the {@link dev.quarry.project.ContentHash} of the model's file
     * @param patchable     whether a change to its body alone can be patched in: not ephemeral, inlining no ephemeral
     *                      model
     * @param node          where its node lies in the manifest
     * @param unitTests     the unique ids of its unit tests, whose compiled SQL holds its own
     */
    public record Model(String path, String uniqueId, String contentHash, boolean patchable, Span node,
            List<String> unitTests) {

        public Model {
            unitTests = List.copyOf(unitTests);
        }

        /** The same model with other content, lying elsewhere in the manifest. */
        public Model with(String newContentHash, Span newNode) {
            return new Model(path, uniqueId, newContentHash, patchable, newNode, unitTests);
        }
    }

    /**
     * The snapshot a full compile leaves for a later quick one, or empty when a later compile could not be quick: it
     * had warnings (which every compile shows again), or what it compiled used the time of the run or its id.
     *
     * @param cache        the compile cache the compile filled, and saved: a later quick compile compares each
     *                     changed model's parse result and output columns with the ones it holds
     * @param environment  the environment variables the command looked up, with their values
     * @param outputsStamp what says whether the compile's outputs are still as it wrote them
     * @param nodeSpans    where each node lies in the manifest written, by unique id
     * @param summary      the line that counted the project's nodes
     */
    public static Optional<CompileSnapshot> of(CompiledProject compiled, CompileCache cache, String fingerprint,
            Map<String, String> environment, String outputsStamp, CompileSnapshot.Span metadata,
            Map<String, CompileSnapshot.Span> nodeSpans, String summary) {
        if (!compiled.warnings().isEmpty() || compiled.rendered().isVolatile()
                || !compiled.selected().containsAll(compiled.nodes().keySet())) {
            return Optional.empty();
        }
        // What templates rendered in this compile found, and what those taken from the cache found when rendered.
        Map<String, Boolean> sourceFiles = new TreeMap<>(compiled.rendered().sourceFilesSeen());
        Set<String> ephemeral = new HashSet<>();
        Map<String, List<String>> unitTestsByModel = new java.util.HashMap<>();
        Map<String, Relation> refRelations = new LinkedHashMap<>();
        Map<String, Relation> sourceRelations = new LinkedHashMap<>();
        for (ManifestNode node : compiled.nodes().values()) {
            if (node.rawCode() != null && node.type() != ResourceType.UNIT_TEST) {
                CacheEntry entry = cache.get(node.isGenericTest() ? node.uniqueId() : node.path());
                if (entry == null || entry.compiledSql() == null || entry.parsed().isVolatile()) {
                    return Optional.empty();
                }
                sourceFiles.putAll(entry.parsed().sourceFilesSeen());
            }
            if (node.isEphemeral()) {
                ephemeral.add(node.name());
            } else if ((node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED)
                    && node.relation() != null) {
                refRelations.put(node.name(), node.relation());
            } else if (node.type() == ResourceType.SOURCE) {
                sourceRelations.put(node.name(), node.relation());
            } else if (node.type() == ResourceType.UNIT_TEST) {
                unitTestsByModel.computeIfAbsent(String.valueOf(node.details().get("model")),
                        model -> new ArrayList<>()).add(node.uniqueId());
            }
        }
        List<CompileSnapshot.Model> models = new ArrayList<>();
        for (ModelFile model : compiled.project().models()) {
            String id = NodeIds.model(compiled.project().name(), model.name());
            ManifestNode node = compiled.nodes().get(id);
            CompileSnapshot.Span span = nodeSpans.get(id);
            boolean patchable = node != null && span != null && node.compiledCode() != null && !node.isEphemeral()
                    && cache.get(model.path()) != null && node.references().stream()
                            .noneMatch(reference -> reference.isRef() && ephemeral.contains(reference.name()));
            models.add(new CompileSnapshot.Model(model.path(), id, model.contentHash(), patchable,
                    span != null ? span : new CompileSnapshot.Span(0, 0),
                    unitTestsByModel.getOrDefault(model.name(), List.of())));
        }
        return Optional.of(new CompileSnapshot(fingerprint, environment, outputsStamp, metadata, summary,
                compiled.statistics().rendered() + compiled.statistics().cached(), sourceFiles, refRelations,
                sourceRelations, models));
    }

    /** The same snapshot with other models and outputs written since. */
    public CompileSnapshot with(List<Model> changedModels, String newOutputsStamp, Span newMetadata) {
        return new CompileSnapshot(fingerprint, environment, newOutputsStamp, newMetadata, summary, nodeCount,
                sourceFiles, refRelations, sourceRelations, changedModels);
    }

    /**
     * The snapshot, if there is one for this fingerprint and these outputs; the rest of the file is not read when the
     * first part says it is not.
     */
    public static Optional<CompileSnapshot> read(Path targetDir, String toolBuild, String fingerprint,
            String outputsStamp) {
        return new CacheFile(targetDir, FILE, toolBuild)
                .read(in -> in.readUTF().equals(fingerprint) && in.readUTF().equals(outputsStamp)
                        ? Optional.of(read(fingerprint, outputsStamp, in)) : Optional.<CompileSnapshot>empty())
                .flatMap(snapshot -> snapshot);
    }

    public void write(Path targetDir, String toolBuild) throws IOException {
        new CacheFile(targetDir, FILE, toolBuild).write(this::write);
    }

    /** Removes the snapshot: the manifest is no longer the one it describes. */
    public static void delete(Path targetDir) throws IOException {
        java.nio.file.Files.deleteIfExists(targetDir.resolve(".quarry").resolve(FILE));
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeUTF(fingerprint);
        out.writeUTF(outputsStamp);
        out.writeInt(environment.size());
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            out.writeUTF(variable.getKey());
            writeNullable(variable.getValue(), out);
        }
        writeSpan(metadata, out);
        out.writeUTF(summary);
        out.writeInt(nodeCount);
        out.writeInt(sourceFiles.size());
        for (Map.Entry<String, Boolean> entry : sourceFiles.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeBoolean(entry.getValue());
        }
        writeRelations(refRelations, out);
        writeRelations(sourceRelations, out);
        out.writeInt(models.size());
        for (Model model : models) {
            out.writeUTF(model.path());
            out.writeUTF(model.uniqueId());
            out.writeUTF(model.contentHash());
            out.writeBoolean(model.patchable());
            writeSpan(model.node(), out);
            out.writeInt(model.unitTests().size());
            for (String test : model.unitTests()) {
                out.writeUTF(test);
            }
        }
    }

    private static CompileSnapshot read(String fingerprint, String outputsStamp, DataInputStream in)
            throws IOException {
        Map<String, String> environment = new java.util.TreeMap<>();
        for (int count = in.readInt(); count > 0; count--) {
            environment.put(in.readUTF(), readNullable(in));
        }
        Span metadata = readSpan(in);
        String summary = in.readUTF();
        int nodeCount = in.readInt();
        Map<String, Boolean> sourceFiles = new LinkedHashMap<>();
        for (int count = in.readInt(); count > 0; count--) {
            sourceFiles.put(in.readUTF(), in.readBoolean());
        }
        Map<String, Relation> refRelations = readRelations(in);
        Map<String, Relation> sourceRelations = readRelations(in);
        int count = in.readInt();
        List<Model> models = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            String path = in.readUTF();
            String uniqueId = in.readUTF();
            String contentHash = in.readUTF();
            boolean patchable = in.readBoolean();
            Span node = readSpan(in);
            List<String> unitTests = new ArrayList<>();
            for (int tests = in.readInt(); tests > 0; tests--) {
                unitTests.add(in.readUTF());
            }
            models.add(new Model(path, uniqueId, contentHash, patchable, node, unitTests));
        }
        return new CompileSnapshot(fingerprint, environment, outputsStamp, metadata, summary, nodeCount,
                sourceFiles, refRelations, sourceRelations, models);
    }

    private static void writeSpan(Span span, DataOutputStream out) throws IOException {
        out.writeLong(span.start());
        out.writeLong(span.end());
    }

    private static Span readSpan(DataInputStream in) throws IOException {
        return new Span(in.readLong(), in.readLong());
    }

    private static void writeRelations(Map<String, Relation> relations, DataOutputStream out) throws IOException {
        out.writeInt(relations.size());
        for (Map.Entry<String, Relation> entry : relations.entrySet()) {
            out.writeUTF(entry.getKey());
            Relation relation = entry.getValue();
            writeNullable(relation.database(), out);
            writeNullable(relation.schema(), out);
            writeNullable(relation.identifier(), out);
            writeNullable(relation.rendered(), out);
        }
    }

    private static void writeNullable(String text, DataOutputStream out) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static Map<String, Relation> readRelations(DataInputStream in) throws IOException {
        Map<String, Relation> relations = new LinkedHashMap<>();
        for (int count = in.readInt(); count > 0; count--) {
            String name = in.readUTF();
            relations.put(name, new Relation(readNullable(in), readNullable(in), readNullable(in), readNullable(in)));
        }
        return relations;
    }
}
