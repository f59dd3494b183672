package dev.quarry.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Severity;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.ConfigValue;

/** The compile cache's binary format: a version, then each entry's fields; plain config values carry a type tag. */
final class CacheCodec {

    private static final int VERSION = 3;

    private CacheCodec() {
    }

    static void write(Map<String, CacheEntry> entries, DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(entries.size());
        for (Map.Entry<String, CacheEntry> entry : entries.entrySet()) {
            out.writeUTF(entry.getKey());
            CacheEntry value = entry.getValue();
            out.writeUTF(value.parseKey());
            writeParsed(value.parsed(), out);
            writeNullable(value.compileKey(), out);
            writeLong(value.compiledSql(), out);
            out.writeBoolean(value.warning() != null);
            if (value.warning() != null) {
                writeDiagnostic(value.warning(), out);
            }
            writeValue(value.outputColumns(), out);
        }
    }

    static Map<String, CacheEntry> read(DataInputStream in) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("compile cache format " + VERSION + " expected");
        }
        int size = in.readInt();
        Map<String, CacheEntry> entries = new ConcurrentHashMap<>(size * 2);
        for (int index = 0; index < size; index++) {
            String path = in.readUTF();
            String parseKey = in.readUTF();
            ParsedTemplate parsed = readParsed(in);
            String compileKey = readNullable(in);
            String sql = readLong(in);
            Diagnostic warning = in.readBoolean() ? readDiagnostic(in) : null;
            @SuppressWarnings("unchecked")
            List<String> outputColumns = (List<String>) readValue(in);
            entries.put(path, new CacheEntry(parseKey, parsed, compileKey, sql, warning, outputColumns));
        }
        return entries;
    }

    private static void writeParsed(ParsedTemplate parsed, DataOutputStream out) throws IOException {
        out.writeUTF(parsed.checksum());
        out.writeInt(parsed.references().size());
        for (Reference reference : parsed.references()) {
            out.writeUTF(reference.kind());
            writeValue(reference.parts(), out);
        }
        out.writeInt(parsed.config().size());
        for (Map.Entry<String, ConfigValue> entry : parsed.config().entrySet()) {
            out.writeUTF(entry.getKey());
            writeValue(entry.getValue().value(), out);
            writeLocation(entry.getValue().location(), out);
        }
        writeValue(new LinkedHashMap<>(parsed.envVarsRead()), out);
        writeValue(new LinkedHashMap<>(parsed.sourceFilesSeen()), out);
        out.writeBoolean(parsed.isVolatile());
    }

    @SuppressWarnings("unchecked")
    private static ParsedTemplate readParsed(DataInputStream in) throws IOException {
        String checksum = in.readUTF();
        int references = in.readInt();
        List<Reference> list = new ArrayList<>(references);
        for (int index = 0; index < references; index++) {
            list.add(new Reference(in.readUTF(), (List<String>) readValue(in)));
        }
        int configs = in.readInt();
        Map<String, ConfigValue> config = new LinkedHashMap<>();
        for (int index = 0; index < configs; index++) {
            String key = in.readUTF();
            config.put(key, new ConfigValue(readValue(in), readLocation(in)));
        }
        Map<String, String> envVars = new HashMap<>();
        ((Map<String, Object>) readValue(in)).forEach((key, value) -> envVars.put(key, (String) value));
        Map<String, Boolean> sourceFiles = new HashMap<>();
        ((Map<String, Object>) readValue(in)).forEach((key, value) -> sourceFiles.put(key, (Boolean) value));
        return new ParsedTemplate(checksum, list, config, envVars, sourceFiles, in.readBoolean());
    }

    private static void writeDiagnostic(Diagnostic diagnostic, DataOutputStream out) throws IOException {
        out.writeUTF(diagnostic.severity().name());
        writeLocation(diagnostic.location(), out);
        writeLong(diagnostic.message(), out);
        writeNullable(diagnostic.hint(), out);
    }

    private static Diagnostic readDiagnostic(DataInputStream in) throws IOException {
        return new Diagnostic(Severity.valueOf(in.readUTF()), readLocation(in), readLong(in), readNullable(in));
    }

    private static void writeLocation(SourceLocation location, DataOutputStream out) throws IOException {
        out.writeUTF(location.file());
        out.writeInt(location.line());
        out.writeInt(location.column());
    }

    private static SourceLocation readLocation(DataInputStream in) throws IOException {
        return new SourceLocation(in.readUTF(), in.readInt(), in.readInt());
    }

    private static void writeValue(Object value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeByte('n');
        } else if (value instanceof String text) {
            out.writeByte('s');
            writeLong(text, out);
        } else if (value instanceof Long || value instanceof Integer) {
            out.writeByte('l');
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Number number) {
            out.writeByte('d');
            out.writeDouble(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            out.writeByte('b');
            out.writeBoolean(bool);
        } else if (value instanceof List<?> list) {
            out.writeByte('a');
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(item, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('m');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeLong(String.valueOf(entry.getKey()), out);
                writeValue(entry.getValue(), out);
            }
        } else {
            out.writeByte('s');
            writeLong(String.valueOf(value), out);
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case 'n':
                return null;
            case 's':
                return readLong(in);
            case 'l':
                return in.readLong();
            case 'd':
                return in.readDouble();
            case 'b':
                return in.readBoolean();
            case 'a': {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int index = 0; index < size; index++) {
                    list.add(readValue(in));
                }
                return list;
            }
            case 'm': {
                int size = in.readInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int index = 0; index < size; index++) {
                    map.put(readLong(in), readValue(in));
                }
                return map;
            }
            default:
                throw new IOException("damaged compile cache: unknown value tag " + tag);
        }
    }

    /** Strings of any length (writeUTF stops at 64 KB). */
    private static void writeLong(String text, DataOutputStream out) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeNullable(String text, DataOutputStream out) throws IOException {
        writeLong(text, out);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return readLong(in);
    }
}
