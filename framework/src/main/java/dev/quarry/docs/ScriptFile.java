package dev.quarry.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A data file of the site: {@code window.quarrySite.<function>(<json>);}. A {@code <script src>} may load it from
 * {@code file://}, where fetching JSON is forbidden. The JSON is not escaped further: the file is a script of its own,
 * never inlined into HTML, so a {@code </script>} inside a string ends nothing.
 */
final class ScriptFile {

    static final String GLOBAL = "window.quarrySite.";

    private final ObjectMapper mapper;

    ScriptFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes {@code file} calling {@code function} with {@code value} as JSON. */
    void write(Path file, String function, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            bytes.write((GLOBAL + function + "(").getBytes(StandardCharsets.US_ASCII));
            mapper.writeValue(bytes, value);
            bytes.write(");\n".getBytes(StandardCharsets.US_ASCII));
            Files.write(file, bytes.toByteArray());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }
}
