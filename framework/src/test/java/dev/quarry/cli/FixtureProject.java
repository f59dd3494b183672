package dev.quarry.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fixture project from {@code src/test/resources/projects/<name>}, copied into a temporary folder, and the real
 * command line run on it in-process with its output captured.
 */
public final class FixtureProject {

    private final Path root;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private FixtureProject(Path root) {
        this.root = root;
    }

    /** Copies {@code projects/<name>} into {@code folder}. */
    public static FixtureProject copy(String name, Path folder) {
        try {
            Path fixture = Path.of(FixtureProject.class.getResource("/projects/" + name).toURI());
            try (Stream<Path> files = Files.walk(fixture)) {
                for (Path source : files.toList()) {
                    Path relative = fixture.relativize(source);
                    if (relative.getNameCount() > 0 && relative.getName(0).toString().equals("target")) {
                        continue; // what an earlier run by hand left in the fixture's folder
                    }
                    Path copy = folder.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return new FixtureProject(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Runs {@code quarry --project-dir <root> ARGUMENTS} with an empty environment; returns the exit code. */
    public int run(String... arguments) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--project-dir", root.toString()));
        all.addAll(List.of(arguments));
        return QuarryCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), null, false);
    }

    /** Runs {@code quarry --project-dir <root> --target TARGET ARGUMENTS}; returns the exit code. */
    public int runOn(String target, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--target", target));
        all.addAll(List.of(arguments));
        return run(all.toArray(String[]::new));
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    public Path root() {
        return root;
    }
}
