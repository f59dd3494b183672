package dev.quarry.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A data file of the site: {@code window.quarrySite.<function>(JSON.parse('<json>'));}. A {@code <script src>} may
 * load it from {@code file://}, where fetching JSON is forbidden. The JSON is a string literal given to
 * {@code JSON.parse} rather than an object literal because browsers parse JSON faster than JavaScript (V8 advises it
 * from about 10 kB; the index of 5,000 models is 5 MB). Inside the single quotes only {@code \}, {@code '} and the
 * line terminators JSON leaves raw (U+2028, U+2029) are escaped; the file is a script of its own, never inlined into
 * HTML, so a {@code </script>} inside a string ends nothing.
 */
final class ScriptFile {

    static final String GLOBAL = "window.quarrySite.";

    private final ObjectMapper mapper;

    ScriptFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes {@code file} calling {@code function} with {@code value} as JSON. */
    void write(Path file, String function, Object value) {
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
