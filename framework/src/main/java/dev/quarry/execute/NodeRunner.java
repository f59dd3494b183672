package dev.quarry.execute;

import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;

/** Runs one node on a session: builds a model, loads a seed, runs a test. Never throws for a node's own failure. */
@FunctionalInterface
public interface NodeRunner {

    /** @return the node's result; an engine failure is a result with status ERROR, not an exception */
    NodeResult run(ManifestNode node, EngineSession session);
}
