package dev.quarry.adapter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file next to a database, held while a run uses the database, so that a second run on the
 * same file fails at once with a clear message instead of writing at the same time. The operating system releases it
 * when the process ends, however it ends.
 */
public final class RunLock {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param databaseName how users know the database, for the message
     * @throws EngineException when another run holds the lock
     */
    public static RunLock acquire(Path lockFile, String databaseName) {
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new EngineException("the database " + databaseName + " is in use by another run; wait for "
                        + "that run to finish, or point the target's 'path' at another file", null);
            }
            return new RunLock(channel, lock);
        } catch (IOException failure) {
            throw new EngineException("cannot create the lock file " + lockFile + ": " + failure.getMessage()
                    + "; check that the target path is writable", failure);
        }
    }

    public void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }
}
