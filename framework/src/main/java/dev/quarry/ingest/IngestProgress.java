package dev.quarry.ingest;

/** Where a loader reports how far it got; the CLI prints it (as text or JSON events). Safe from any thread. */
@FunctionalInterface
public interface IngestProgress {

    IngestProgress NONE = message -> { };

    /** One line of progress: rows, pages, rate, time left. */
    void report(String message);
}
