package dev.sfcrimestats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.quarry.cli.QuarryCli;

/**
 * A copy of the repository's SF Crime Stats project in a temporary folder, run through Quarry's CLI in this JVM (so
 * the {@code socrata} loader is found on the test classpath, as {@code ./quarry} finds it in the jar).
 */
public final class SfProject {

    /** The repository root: tests run in {@code project/}. */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final Path root;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private SfProject(Path root) {
        this.root = root;
    }

    /** Copies the project's files (not its data or target) into {@code folder}. */
    public static SfProject copyInto(Path folder) {
        try {
            for (String file : List.of("quarry_project.yml", "profiles.yml")) {
                Files.copy(REPOSITORY.resolve(file), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            for (String tree : List.of("models", "macros", "seeds", "tests")) {
                copyTree(REPOSITORY.resolve(tree), folder.resolve(tree));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new SfProject(folder);
    }

    /** Copies a file, or a folder with everything in it, to {@code to}; nothing when {@code from} is absent. */
    public static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public Path root() {
        return root;
    }

    public SfProject env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code quarry <arguments>} on the copy. */
    public Result run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("--project-dir", root.toString()), Stream.of(arguments))
                .toArray(String[]::new);
        int exitCode = QuarryCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(environment), null, false);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The rows of a query on the project's DuckDB warehouse ({@code target/warehouse.duckdb}), each value as text. */
    public List<List<String>> query(String sql) {
        try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:" + root.resolve(
                "target/warehouse.duckdb")); Statement statement = warehouse.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(results.getString(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    /** What a run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }
}
