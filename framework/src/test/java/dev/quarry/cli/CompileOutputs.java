package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a compile wrote: the manifest without its metadata (the time and the invocation id differ from run to run) and
 * every file under {@code target/compiled}, by path. Two compiles of the same project compare equal.
 */
record CompileOutputs(String manifest, Map<String, String> compiledFiles) {

    static CompileOutputs of(Path projectRoot) {
        try {
            String manifest = Files.readString(projectRoot.resolve("target/manifest.json"))
                    .replaceFirst("\"metadata\":\\{[^}]*}", "\"metadata\":{}");
            Path compiled = projectRoot.resolve("target/compiled");
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> all = Files.walk(compiled)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    files.put(compiled.relativize(file).toString(), Files.readString(file));
                }
            }
            return new CompileOutputs(manifest, files);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
