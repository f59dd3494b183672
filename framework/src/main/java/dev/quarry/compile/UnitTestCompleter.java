package dev.quarry.compile;

import java.util.Map;

import dev.quarry.error.Diagnostics;

/**
 * Completes a rendered unit test: writes the CTEs of its given rows in front of its model's SQL, for the engine it
 * runs on. Implemented above this package (where fixtures are read); the compiler calls it so that a fixture's errors
 * are reported with every other compile error.
 */
public interface UnitTestCompleter {

    /** Leaves the test as it is: its SQL then names CTEs it does not define (for tools that only list nodes). */
    UnitTestCompleter NONE = new UnitTestCompleter() {
        @Override
        public ManifestNode complete(ManifestNode test, Map<String, ManifestNode> nodes, Diagnostics diagnostics) {
            return test;
        }

        @Override
        public String engineType() {
            return null;
        }
    };

    /**
     * The engine the unit tests run on ({@code target.type} while their models are rendered, so that cross-engine
     * macros write its SQL), or null for the target's own.
     */
    String engineType();

    /**
     * @param nodes every node of the project, by unique id
     * @return the test with its complete SQL, or null when its fixtures have errors (reported)
     */
    ManifestNode complete(ManifestNode test, Map<String, ManifestNode> nodes, Diagnostics diagnostics);
}
