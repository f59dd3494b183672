package dev.quarry.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code -s/--select} and {@code --exclude}, as dbt takes them. */
final class SelectionOptions {

    @Option(names = {"-s", "--select"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to include: name, glob, path:, tag:, source:, resource_type:, config.KEY:, "
                    + "test_type:, test_name:, exposure:, file:, package:, fqn:, unique_id:, with +, n+, +n and @ "
                    + "graph operators; space = union, comma = intersection.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();
}
