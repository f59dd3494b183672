package dev.quarry.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestPatchTest {

    private static final String FIRST = "{\"unique_id\":\"model.p.a\",\"raw_code\":\"select 1\",\"n\":1.50,"
            + "\"checksum\":{\"name\":\"sha256\",\"checksum\":\"old\"},\"compiled_code\":\"select 1\","
            + "\"tags\":[\"x\"]}";
    private static final String SECOND = "{\"unique_id\":\"model.p.b\",\"raw_code\":\"select 'é'\","
            + "\"checksum\":{\"name\":\"sha256\",\"checksum\":\"b\"},\"compiled_code\":null}";

    @TempDir
    Path dir;

    private final ManifestWriter.Metadata metadata = new ManifestWriter.Metadata("new-id", "p", "dev", "duckdb");

    @Test
    void replacesTheGivenFieldsAndKeepsEveryOtherByte() throws IOException {
        String oldMetadata = "{\"generated_at\":\"then\"}";
        String text = "{\"metadata\":" + oldMetadata + ",\"nodes\":{\"model.p.a\":" + FIRST + ",\"model.p.b\":"
                + SECOND + "},\"selected\":[]}";
        ManifestLayout layout = write(text);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("raw_code", "select \"x\" -- é\n");
        fields.put("checksum", Map.of("checksum", "new"));
        Instant now = Instant.parse("2026-11-28T12:00:00Z");

        ManifestLayout patched = new ManifestPatch().apply(layout, metadata, now, Map.of("model.p.a", fields));

        String newMetadata = new String(new ManifestWriter().metadataJson(metadata, now), StandardCharsets.UTF_8);
        String newFirst = FIRST.replace("\"raw_code\":\"select 1\"", "\"raw_code\":\"select \\\"x\\\" -- é\\n\"")
                .replace("{\"name\":\"sha256\",\"checksum\":\"old\"}", "{\"checksum\":\"new\"}");
        String expected = "{\"metadata\":" + newMetadata + ",\"nodes\":{\"model.p.a\":" + newFirst
                + ",\"model.p.b\":" + SECOND + "},\"selected\":[]}";
        byte[] written = Files.readAllBytes(layout.file());
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(slice(written, patched.metadata())).isEqualTo(newMetadata);
        assertThat(slice(written, patched.nodes().get("model.p.a"))).isEqualTo(newFirst);
        assertThat(slice(written, patched.nodes().get("model.p.b"))).isEqualTo(SECOND);
    }

    @Test
    void aNodeWithoutTheFieldIsRefusedAndTheManifestLeftAlone() throws IOException {
        String text = "{\"metadata\":{},\"nodes\":{\"model.p.b\":" + SECOND + "}}";
        ManifestLayout layout = write(text);

        assertThatThrownBy(() -> new ManifestPatch().apply(layout, metadata, Instant.now(),
                Map.of("model.p.b", Map.of("description", "new"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("lacks one of the fields [description]");
        assertThat(Files.readString(layout.file())).isEqualTo(text);
    }

    private ManifestLayout write(String text) throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, text);
        return new ManifestLayout(file, range(text, "{\"generated_at\":\"then\"}", "{}"),
                Map.of("model.p.a", range(text, FIRST), "model.p.b", range(text, SECOND)));
    }

    /** Where the first of the given texts found lies, in bytes. */
    private static ManifestLayout.Range range(String text, String... parts) {
        for (String part : parts) {
            int at = text.indexOf(part);
            if (at >= 0) {
                int start = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
                return new ManifestLayout.Range(start, start + part.getBytes(StandardCharsets.UTF_8).length);
            }
        }
        return new ManifestLayout.Range(0, 0);
    }

    private static String slice(byte[] bytes, ManifestLayout.Range range) {
        return new String(bytes, (int) range.start(), (int) (range.end() - range.start()), StandardCharsets.UTF_8);
    }
}
