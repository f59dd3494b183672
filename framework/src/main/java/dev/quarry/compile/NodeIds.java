package dev.quarry.compile;

/** The unique ids of nodes, as in dbt's manifest: {@code <resource type>.<project>.<name parts>}. */
final class NodeIds {

    private NodeIds() {
    }

    static String model(String project, String name) {
        return "model." + project + "." + name;
    }

    static String seed(String project, String name) {
        return "seed." + project + "." + name;
    }

    static String source(String project, String source, String table) {
        return "source." + project + "." + source + "." + table;
    }

    static String test(String project, String name) {
        return "test." + project + "." + name;
    }

    static String unitTest(String project, String model, String name) {
        return "unit_test." + project + "." + model + "." + name;
    }

    static String exposure(String project, String name) {
        return "exposure." + project + "." + name;
    }
}
