package dev.quarry.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project written file by file into a temporary directory, and the real command line run on it in-process. Starts
 * as the smallest valid project: {@code quarry_project.yml} (name and profile {@code shop}) and a {@code profiles.yml}
 * with one in-memory DuckDB target {@code dev}.
 */
final class TestProject {

    static final String PROJECT_FILE = """
            name: shop
            profile: shop
            """;

    static final String PROFILES_FILE = """
            shop:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: ":memory:"
                  schema: main
            """;

    private final Path dir;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private TestProject(Path dir) {
        this.dir = dir;
    }

    /** The smallest valid project, in {@code dir} (a JUnit {@code @TempDir}). */
    static TestProject in(Path dir) {
        return new TestProject(dir).file("quarry_project.yml", PROJECT_FILE).file("profiles.yml", PROFILES_FILE);
    }

    Path dir() {
        return dir;
    }

    /** Writes (or overwrites) a file, as UTF-8; {@code path} is relative to the project directory. */
    TestProject file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes (or overwrites) a file with exactly these bytes. */
    TestProject bytes(String path, byte[] content) {
        try {
            Path file = resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    /** Makes {@code path} a symbolic link to {@code target}. */
    TestProject symlink(String path, Path target) {
        try {
            Path link = resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    TestProject delete(String path) {
        try {
            Files.delete(resolve(path));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    /**
     * Points the profile at a warehouse file in the project folder instead of an in-memory DuckDB, so that a test can
     * look into it after the run ({@link #warehouseUrl}).
     *
     * @param engine {@code duckdb} or {@code h2}
     */
    TestProject warehouseFile(String engine) {
        String output = engine.equals("duckdb")
                ? "type: duckdb\n      path: " + dir.resolve("warehouse.duckdb") + "\n      schema: main"
                : "type: h2\n      path: " + dir.resolve("warehouse-h2") + "\n      schema: public";
        return file("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      " + output + "\n");
    }

    /** The JDBC URL of the warehouse file {@link #warehouseFile} made. */
    String warehouseUrl(String engine) {
        return engine.equals("duckdb") ? "jdbc:duckdb:" + dir.resolve("warehouse.duckdb")
                : "jdbc:h2:file:" + dir.resolve("warehouse-h2") + ";DATABASE_TO_LOWER=TRUE";
    }

    /** The rows of a query on the warehouse file {@link #warehouseFile} made, each value as text. */
    List<List<String>> query(String engine, String sql) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(warehouseUrl(engine));
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet results = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= results.getMetaData().getColumnCount(); column++) {
                    row.add(results.getString(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    /** Sets an environment variable for {@code env_var()}; the environment is otherwise empty. */
    TestProject env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code quarry --project-dir DIR ARGUMENTS...} with no home directory and no terminal. */
    Result run(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--project-dir", dir.toString()));
        all.addAll(List.of(arguments));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = QuarryCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(environment), null, false);
        return new Result(exitCode, text(out), text(err));
    }

    private Path resolve(String path) {
        return dir.resolve(path);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** What one run of the command line gave: its exit code and both outputs, with {@code \n} line ends. */
    record Result(int exitCode, String stdout, String stderr) {
    }
}
