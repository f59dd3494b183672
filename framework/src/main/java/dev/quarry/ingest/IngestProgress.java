package dev.quarry.ingest;

/** Where a loader reports how far it got; the CLI prints it (as text or JSON events). Safe from any thread. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
        @Override
        public void report(String message) {
        }

        @Override
        public void advanced(IngestPace pace) {
        }
    };

    /** A line about the load: what it is about to do, what it found. */
    void report(String message);

    /** The load got further (after each page): rows, pages, rate, time left. */
    void advanced(IngestPace pace);
}
