package dev.quarry.docs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A data file of the site, a call of one global with the data: {@code window.quarrySite.<function>(<json>);}. A
 * {@code <script src>} may load it from {@code file://}, where fetching JSON is forbidden. The file is a script of its
 * own, never inlined into HTML, so a {@code </script>} inside a string ends nothing.
 * <ul>
 * <li>{@link #write}: the JSON as an object literal, streamed to the file as Jackson writes it, with every non-ASCII
 * character escaped (so also U+2028 and U+2029, which older engines do not take raw in a string): the shards, which a
 * page loads a few at a time;</li>
 * <li>{@link #writeParsed}: the JSON as a string literal given to {@code JSON.parse}, which browsers read faster than
 * JavaScript (V8 advises it from about 10 kB): the index, which the site needs before the search works. Inside the
 * single quotes only {@code \}, {@code '} and the line terminators JSON leaves raw (U+2028, U+2029) are escaped.</li>
 * </ul>
 */
final class ScriptFile {

    static final String GLOBAL = "window.quarrySite.";

    private final ObjectMapper mapper;
    private final ObjectWriter asciiWriter;

    ScriptFile(ObjectMapper mapper) {
        this.mapper = mapper;
        this.asciiWriter = mapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes {@code file} calling {@code function} with {@code value} as an object literal. */
    void write(Path file, String function, Object value) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            out.write((GLOBAL + function + "(").getBytes(StandardCharsets.US_ASCII));
            asciiWriter.writeValue(out, value);
            out.write(");\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }

    /** Writes {@code file} calling {@code function} with {@code value} as a JSON string for {@code JSON.parse}. */
    void writeParsed(Path file, String function, Object value) {
        try {
            String json = mapper.writeValueAsString(value);
            Files.writeString(file, GLOBAL + function + "(JSON.parse('" + stringContent(json) + "'));\n",
                    StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }

    /** JSON text (which holds no raw CR or LF) as the content of a single-quoted JavaScript string literal. */
    static String stringContent(String text) {
        // String.replace copies the runs between matches in bulk: far faster than a loop over the characters.
        return text.replace("\\", "\\\\").replace("'", "\\'").replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
