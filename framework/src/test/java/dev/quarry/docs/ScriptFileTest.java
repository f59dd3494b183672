package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ScriptFileTest {

    @TempDir
    Path dir;

    @Test
    void shardsAreObjectLiteralsInAsciiThatKeepQuotesBackslashesAndLineSeparators() throws IOException {
        String hostile = "it's \"quoted\", C:\\path\\ and \u2028 and \u2029, café and </script><script>alert(1)</script>";
        Path file = dir.resolve("nodes.js");

        new ScriptFile(new ObjectMapper()).write(file, "nodes", Map.of("text", hostile, "list", List.of(1, 2)));

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).startsWith("window.quarrySite.nodes({").endsWith("});\n")
                .doesNotContain("\u2028", "\u2029", "é").contains("caf\\u00E9");
        assertThat(SiteDataWriterTest.read(file, "nodes").at("/text").asText()).isEqualTo(hostile);
        assertThat(SiteDataWriterTest.read(file, "nodes").at("/list/1").asInt()).isEqualTo(2);
    }

    @Test
    void theIndexIsAStringForJsonParseThatKeepsQuotesBackslashesAndLineSeparators() throws IOException {
        String hostile = "it's \"quoted\", C:\\path\\ and \u2028 and \u2029 and </script><script>alert(1)</script>";
        Path file = dir.resolve("nodes.js");

        new ScriptFile(new ObjectMapper()).writeParsed(file, "nodes", Map.of("text", hostile, "list", List.of(1, 2)));

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).startsWith("window.quarrySite.nodes(JSON.parse('").endsWith("'));\n")
                .doesNotContain("\u2028", "\u2029");
        assertThat(SiteDataWriterTest.read(file, "nodes").at("/text").asText()).isEqualTo(hostile);
        assertThat(SiteDataWriterTest.read(file, "nodes").at("/list/1").asInt()).isEqualTo(2);
    }

    @Test
    void escapesOnlyWhatEndsOrChangesASingleQuotedLiteral() {
        assertThat(ScriptFile.stringContent("a'b\\c\u2028d\u2029e\"f"))
                .isEqualTo("a\\'b\\\\c\\u2028d\\u2029e\"f");
    }
}
