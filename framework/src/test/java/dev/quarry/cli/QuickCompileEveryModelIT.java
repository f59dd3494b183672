package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In every fixture project, each model's body is edited in turn (a comment added to its SQL) and compiled: quick or
 * full, what the compile writes must be what a full compile without the cache writes.
 */
class QuickCompileEveryModelIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"shop", "jaffle", "ephemeral", "quality", "interrupt", "bigquery_shop"})
    void editingAnyModelBodyCompilesToWhatAFullCompileWrites(String fixture) throws IOException {
        FixtureProject project = FixtureProject.copy(fixture, dir);
        assertThat(project.run("compile")).as(project.stderr()).isZero();
        int quick = 0;
        for (Path model : models(project.root())) {
            Files.writeString(model, Files.readString(model, StandardCharsets.UTF_8) + "\n-- edited\n",
                    StandardCharsets.UTF_8);
            assertThat(project.run("compile")).as(model + ": " + project.stderr()).isZero();
            if (project.stdout().contains("patched target/manifest.json")) {
                quick++;
            }
            CompileOutputs outputs = CompileOutputs.of(project.root());

            assertThat(project.run("compile", "--no-cache")).isZero();

            assertThat(CompileOutputs.of(project.root())).as("what compiling wrote after editing " + model)
                    .isEqualTo(outputs);
            // A full compile with the cache leaves the snapshot the next edit is patched into.
            assertThat(project.run("compile")).isZero();
        }
        assertThat(quick).as("models patched in, in " + fixture).isPositive();
    }

    private static List<Path> models(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("models"))) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
