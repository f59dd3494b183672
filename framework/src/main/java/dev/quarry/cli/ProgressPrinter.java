package dev.quarry.cli;

import java.util.Locale;

import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.execute.ProgressListener;
import dev.quarry.report.Reporter;

/**
 * dbt's progress lines: {@code 3 of 12 OK created table model main.fct_incidents ..... [OK 1,204 rows in 1.42s]}.
 */
final class ProgressPrinter implements ProgressListener {

    private static final int WIDTH = 80;

    private final Reporter reporter;

    ProgressPrinter(Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void started(ManifestNode node, int index, int total) {
        reporter.info(pad(index + " of " + total + " START " + describe(node)) + " [RUN]");
    }

    @Override
    public void finished(ManifestNode node, NodeResult result, int index, int total) {
        String seconds = String.format(Locale.ROOT, "%.2fs", result.duration().toMillis() / 1000.0);
        String rows = result.rowsAffected() >= 0
                ? String.format(Locale.ROOT, "%,d rows in ", result.rowsAffected()) : "in ";
        String outcome = switch (result.status()) {
            case SUCCESS -> "OK " + verb(node) + " " + describe(node);
            case ERROR -> "ERROR " + (isTest(node) || node.type() == dev.quarry.graph.ResourceType.SOURCE ? ""
                    : node.type() == dev.quarry.graph.ResourceType.SEED
                    ? "loading " : "creating ") + describe(node);
            case SKIPPED -> "SKIP " + describe(node);
            case PASS -> "PASS " + describe(node);
            case WARN, FAIL -> result.status().name() + (result.rowsAffected() >= 0 ? " " + result.rowsAffected() : "")
                    + " " + describe(node);
        };
        String tag = switch (result.status()) {
            case SKIPPED -> "[SKIP]";
            case PASS, ERROR -> "[" + result.status().name() + " in " + seconds + "]";
            case WARN, FAIL -> "[" + result.status().name() + (result.rowsAffected() >= 0 ? " "
                    + result.rowsAffected() : "") + " in " + seconds + "]";
            case SUCCESS -> "[OK " + rows + seconds + "]";
        };
        reporter.info(pad(index + " of " + total + " " + outcome) + " " + tag);
    }

    private static String verb(ManifestNode node) {
        return node.type() == dev.quarry.graph.ResourceType.SEED ? "loaded" : "created";
    }

    private static boolean isTest(ManifestNode node) {
        return node.type() == dev.quarry.graph.ResourceType.DATA_TEST
                || node.type() == dev.quarry.graph.ResourceType.UNIT_TEST;
    }

    static String describe(ManifestNode node) {
        if (node.type() == dev.quarry.graph.ResourceType.DATA_TEST) {
            return "test " + node.name();
        }
        if (node.type() == dev.quarry.graph.ResourceType.UNIT_TEST) {
            return "unit test " + node.fqn().get(1) + "::" + node.name();
        }
        if (node.type() == dev.quarry.graph.ResourceType.SOURCE) {
            return "freshness of " + node.name();
        }
        String kind = node.type() == dev.quarry.graph.ResourceType.SEED ? "seed file"
                : node.materialized() + " model";
        String relation = node.relation() == null ? node.name()
                : node.relation().schema() + "." + node.relation().identifier();
        return kind + " " + relation;
    }

    private static String pad(String text) {
        return text.length() >= WIDTH ? text + " " : text + " " + ".".repeat(WIDTH - text.length());
    }
}
