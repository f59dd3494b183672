package dev.quarry.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.project.CacheFile;
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
