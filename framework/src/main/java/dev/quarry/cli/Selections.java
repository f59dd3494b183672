package dev.quarry.cli;

import java.util.ArrayList;
import java.util.List;

import dev.quarry.compile.CompiledProject;
import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.NodeSelector;
import dev.quarry.report.Reporter;

/** Warns about selector terms that match no node, which usually means a typo. */
final class Selections {

    private Selections() {
    }

    static void warnUnmatched(CompiledProject project, SelectionOptions selection, Reporter reporter) {
        List<String> arguments = new ArrayList<>(selection.select);
        for (String term : new NodeSelector().termsMatchingNothing(project.graph(), arguments)) {
            reporter.diagnostic(Diagnostic.warning(SourceLocation.of("--select"), "'" + term
                    + "' matches no node", "check the name; 'quarry ls' lists what there is"));
        }
    }
}
