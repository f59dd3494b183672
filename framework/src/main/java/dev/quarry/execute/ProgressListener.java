package dev.quarry.execute;

import dev.quarry.compile.ManifestNode;

/** Hears about each node as the scheduler starts and finishes it (from worker threads). */
public interface ProgressListener {

    /** @param index 1-based position of the node among those started; {@code total} nodes in the run */
    void started(ManifestNode node, int index, int total);

    void finished(ManifestNode node, NodeResult result, int index, int total);

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(ManifestNode node, int index, int total) {
        }

        @Override
        public void finished(ManifestNode node, NodeResult result, int index, int total) {
        }
    };
}
