package dev.quarry.adapter.h2;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.project.Target;

/**
 * H2, pure Java: an in-memory database ({@code path: ":memory:"}, kept while the run lasts) or a file database. Each
 * worker thread opens its own connection to it.
 */
public final class H2Adapter implements EngineAdapter {

    private final H2Dialect dialect = new H2Dialect();
    /** One DDL statement at a time over all sessions: H2 deadlocks on concurrent catalog changes. */
    private final java.util.concurrent.locks.ReentrantLock catalogChanges = new java.util.concurrent.locks.ReentrantLock();
    private final String url;
    private final Connection keepAlive;

    private H2Adapter(String url, Connection keepAlive) {
        this.url = url;
        this.keepAlive = keepAlive;
    }

    /** Opens the target's database; relative file paths resolve against the project directory. */
    public static H2Adapter open(Target target, Path projectRoot) {
        String path = target.settings().get("path") instanceof String given ? given : ":memory:";
        // Unquoted names are lower case, as on DuckDB, so one model's SQL means the same columns on both engines.
        // H2 locks its whole catalog for each DDL statement (a create table as select holds it for its query): the
        // sessions take turns at DDL (H2Session), and a statement waits up to a minute for another's lock rather
        // than failing after H2's default of a second or two.
        String settings = ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000";
        String url = path.equals(":memory:")
                ? "jdbc:h2:mem:quarry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings
                : "jdbc:h2:file:" + projectRoot.resolve(path).toAbsolutePath().normalize() + settings;
        try {
            return new H2Adapter(url, DriverManager.getConnection(url));
        } catch (SQLException failure) {
            String message = failure.getMessage() == null ? "" : failure.getMessage();
            if (message.contains("already in use") || message.contains("locked")) {
                throw new EngineException("the H2 database " + path + " is in use by another run; wait for it to "
                        + "finish, or point the target's 'path' at another file", failure);
            }
            throw new EngineException("cannot open the H2 database " + path + ": " + message, failure);
        }
    }

    @Override
    public EngineDialect dialect() {
        return dialect;
    }

    @Override
    public EngineSession openSession() {
        try {
            return new H2Session(DriverManager.getConnection(url), dialect, catalogChanges);
        } catch (SQLException failure) {
            throw new EngineException("cannot open an H2 connection: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        try {
            keepAlive.close();
        } catch (SQLException ignored) {
            // The in-memory database goes with the process anyway.
        }
    }
}
