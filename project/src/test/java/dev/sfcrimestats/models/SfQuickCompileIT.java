package dev.sfcrimestats.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sfcrimestats.SfProject;

/**
 * Each SF model's body edited in turn (a comment added) and compiled: the compile, which patches the last one where it
 * can, must write what a full compile without the cache writes. The SF templates use what makes a quick compile
 * careful: unit tests, hooks, {@code source_has_files}, macros and seeds.
 */
class SfQuickCompileIT {

    @TempDir
    Path dir;

    @Test
    void editingAnyModelBodyCompilesToWhatAFullCompileWrites() throws IOException {
        SfProject project = SfProject.copyInto(dir);
        assertThat(project.run("compile").exitCode()).isZero();
        int patched = 0;
        List<Path> models;
        try (Stream<Path> files = Files.walk(project.root().resolve("models"))) {
            models = files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path model : models) {
            Files.writeString(model, Files.readString(model, StandardCharsets.UTF_8) + "\n-- edited\n",
                    StandardCharsets.UTF_8);
            SfProject.Result quick = project.run("compile");
            assertThat(quick.exitCode()).as(model + ": " + quick.stderr()).isZero();
            if (quick.stdout().contains("patched target/manifest.json")) {
                patched++;
            }
            Map<String, String> written = outputs(project.root());

            assertThat(project.run("compile", "--no-cache").exitCode()).isZero();

            assertThat(outputs(project.root())).as("what compiling wrote after editing " + model).isEqualTo(written);
            assertThat(project.run("compile").exitCode()).isZero();
        }
        assertThat(patched).as("SF models patched in").isGreaterThan(models.size() / 2);
    }

    /** The manifest without its metadata, and every compiled file, by path. */
    private static Map<String, String> outputs(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root.resolve("target/compiled"))) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
            files.put("target/manifest.json", Files.readString(root.resolve("target/manifest.json"))
                    .replaceFirst("\"metadata\":\\{[^}]*}", "\"metadata\":{}"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return files;
    }
}
