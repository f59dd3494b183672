package dev.quarry.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path folder;

    @Test
    void aSecondRunOnTheSameDatabaseIsRefusedWithAClearMessage() {
        Path lockFile = folder.resolve("warehouse.duckdb.lock");
        RunLock first = RunLock.acquire(lockFile, "target/warehouse.duckdb");

        assertThatThrownBy(() -> RunLock.acquire(lockFile, "target/warehouse.duckdb"))
                .isInstanceOf(EngineException.class)
                .hasMessage("the database target/warehouse.duckdb is in use by another run; wait for that run to "
                        + "finish, or point the target's 'path' at another file");

        first.release();
        RunLock again = RunLock.acquire(lockFile, "target/warehouse.duckdb");
        again.release();
        assertThat(lockFile).exists();
    }
}
