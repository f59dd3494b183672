package dev.quarry.execute;

import dev.quarry.compile.ManifestNode;

/** Hears about each node as the scheduler starts and finishes it (from worker threads). */
public interface ProgressListener {

    /** @param index 1-based position of the node among those started; {@code total} nodes in the run */
    void started(ManifestNode node, int index, int total);

    void finished(ManifestNode node, NodeResult result, int index, int total);

    /** This listener, then the other, for each event. */
    default ProgressListener and(ProgressListener other) {
        ProgressListener first = this;
        return new ProgressListener() {
            @Override
            public void started(ManifestNode node, int index, int total) {
                first.started(node, index, total);
                other.started(node, index, total);
            }

            @Override
            public void finished(ManifestNode node, NodeResult result, int index, int total) {
                first.finished(node, result, index, total);
                other.finished(node, result, index, total);
            }
        };
    }

    /** A listener that only hears about finished nodes. */
    static ProgressListener whenFinished(java.util.function.BiConsumer<ManifestNode, NodeResult> action) {
        return new ProgressListener() {
            @Override
            public void started(ManifestNode node, int index, int total) {
            }

            @Override
            public void finished(ManifestNode node, NodeResult result, int index, int total) {
                action.accept(node, result);
            }
        };
    }

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(ManifestNode node, int index, int total) {
        }

        @Override
        public void finished(ManifestNode node, NodeResult result, int index, int total) {
        }
    };
}
