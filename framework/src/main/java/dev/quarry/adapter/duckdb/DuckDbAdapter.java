package dev.quarry.adapter.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RunLock;
import dev.quarry.project.Target;

/**
 * DuckDB, embedded: one database instance per run (a file, or {@code :memory:}), a connection per worker thread
 * duplicated from it. Extension auto-install and auto-load are off, so an offline machine fails fast instead of
 * trying to download; relative file paths in queries resolve against the project directory.
 */
public final class DuckDbAdapter implements EngineAdapter {

    private final DuckDbDialect dialect = new DuckDbDialect();
    private final DuckDBConnection root;
    private final RunLock lock;

    private DuckDbAdapter(DuckDBConnection root, RunLock lock) {
        this.root = root;
        this.lock = lock;
    }

    /**
     * Opens the target's database.
     *
     * @param projectRoot relative {@code path}s and file paths in queries resolve against it
     */
    public static DuckDbAdapter open(Target target, Path projectRoot) {
        String path = target.settings().get("path") instanceof String given ? given : "target/warehouse.duckdb";
        String location = path.equals(":memory:") ? "" : projectRoot.resolve(path).toAbsolutePath().toString();
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        RunLock lock = null;
        try {
            if (!location.isEmpty()) {
                Files.createDirectories(Path.of(location).getParent());
                // DuckDB alone does not stop a second process from opening the file: a run holds this lock.
                lock = RunLock.acquire(Path.of(location + ".lock"), path);
            }
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + location,
                    properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set file_search_path = '" + projectRoot.toAbsolutePath().toString()
                        .replace("'", "''") + "'");
            }
            return new DuckDbAdapter(connection, lock);
        } catch (SQLException failure) {
            if (lock != null) {
                lock.release();
            }
            throw new EngineException(openFailure(path, failure), failure);
        } catch (IOException failure) {
            throw new EngineException("cannot create the folder of the database file " + path + ": "
                    + failure.getMessage() + "; check that the target path is writable", failure);
        }
    }

    private static String openFailure(String path, SQLException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("lock")) {
            return "the database file " + path + " is in use by another run (DuckDB: " + firstLine(message)
                    + "); wait for that run to finish, or point the target's 'path' at another file";
        }
        return "cannot open the DuckDB database " + path + ": " + firstLine(message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    @Override
    public EngineDialect dialect() {
        return dialect;
    }

    @Override
    public EngineSession openSession() {
        try {
            return new DuckDbSession((DuckDBConnection) root.duplicate(), dialect);
        } catch (SQLException failure) {
            throw new EngineException("cannot open a DuckDB connection: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        try {
            ((Connection) root).close();
        } catch (SQLException ignored) {
            // The database is closed with the process anyway.
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }
}
