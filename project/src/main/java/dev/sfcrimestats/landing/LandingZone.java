package dev.sfcrimestats.landing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where landed files live: a local folder or a Cloud Storage prefix. Paths are relative to the zone's root and use
 * {@code /}. New files appear whole or not at all: {@link #putNew} never shows a half-written file and never
 * replaces one.
 */
public interface LandingZone {

    /** The full location of a path, for messages and manifests: {@code data/landing/x} or {@code gs://b/p/x}. */
    String locate(String path);

    /** Fails with a message for the user when the zone cannot be written (checked before anything is fetched). */
    void checkWritable() throws IOException;

    /**
     * Stores a local file under a path that must not exist yet (on Cloud Storage: a does-not-exist precondition).
     *
     * @throws java.nio.file.FileAlreadyExistsException when the path exists
     */
    void putNew(String path, Path localFile) throws IOException;

    /** Writes small content (state, manifests), replacing what is there in one step. */
    void replace(String path, byte[] content) throws IOException;

    /** The content of a path, or empty when it does not exist. */
    Optional<byte[]> read(String path) throws IOException;

    /** Every file under a prefix (a folder path, with or without the trailing {@code /}), sorted, relative to the root. */
    List<String> list(String prefix) throws IOException;

    /** Removes a path; nothing happens when it does not exist. */
    void delete(String path) throws IOException;

    /**
     * A local file with the path's content, for reading with DuckDB: the file itself for a local zone, a download into
     * {@code scratch} for a remote one.
     */
    Path localCopy(String path, Path scratch) throws IOException;
}
