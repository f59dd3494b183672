package dev.quarry.docs;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.quarry.lineage.ColumnRef;
import dev.quarry.lineage.LineageKind;
import dev.quarry.lineage.LineageResult;
import dev.quarry.lineage.OutputColumn;

/** The lineage cache's binary format: a version, then per entry its key, SQL hash, questions asked and result. */
final class LineageCacheCodec {

    private static final int VERSION = 1;

    private LineageCacheCodec() {
    }

    static void write(Map<String, LineageCache.Entry> entries, DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(entries.size());
        for (Map.Entry<String, LineageCache.Entry> entry : entries.entrySet()) {
            out.writeUTF(entry.getKey());
            LineageCache.Entry value = entry.getValue();
            out.writeUTF(value.sqlHash());
            out.writeInt(value.asked().size());
            for (Map.Entry<String, List<String>> question : value.asked().entrySet()) {
                out.writeUTF(question.getKey());
                writeNullableList(question.getValue(), out);
            }
            writeResult(value.result(), out);
        }
    }

    static Map<String, LineageCache.Entry> read(DataInputStream in) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("lineage cache format " + VERSION + " expected");
        }
        int size = in.readInt();
        Map<String, LineageCache.Entry> entries = new HashMap<>(size * 2);
        for (int index = 0; index < size; index++) {
            String key = in.readUTF();
            String sqlHash = in.readUTF();
            int questions = in.readInt();
            Map<String, List<String>> asked = new HashMap<>();
            for (int question = 0; question < questions; question++) {
                asked.put(in.readUTF(), readNullableList(in));
            }
            entries.put(key, new LineageCache.Entry(sqlHash, asked, readResult(in)));
        }
        return entries;
    }

    private static void writeResult(LineageResult result, DataOutputStream out) throws IOException {
        out.writeInt(result.columns().size());
        for (OutputColumn column : result.columns()) {
            out.writeUTF(column.name());
            out.writeUTF(column.kind().name());
            out.writeInt(column.sources().size());
            for (ColumnRef source : column.sources()) {
                out.writeUTF(source.relation());
                out.writeUTF(source.column());
            }
        }
        writeNullableList(result.problems(), out);
    }

    private static LineageResult readResult(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<OutputColumn> columns = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            String name = in.readUTF();
            LineageKind kind = LineageKind.valueOf(in.readUTF());
            int sources = in.readInt();
            Set<ColumnRef> refs = new TreeSet<>();
            for (int source = 0; source < sources; source++) {
                refs.add(new ColumnRef(in.readUTF(), in.readUTF()));
            }
            columns.add(new OutputColumn(name, kind, refs));
        }
        return new LineageResult(columns, readNullableList(in));
    }

    private static void writeNullableList(List<String> values, DataOutputStream out) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) {
            for (String value : values) {
                writeLong(value, out);
            }
        }
    }

    private static List<String> readNullableList(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            return null;
        }
        List<String> values = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            values.add(readLong(in));
        }
        return values;
    }

    /** A string of any length ({@code writeUTF} stops at 64 KB; a problem message may quote SQL). */
    private static void writeLong(String value, DataOutputStream out) throws IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
