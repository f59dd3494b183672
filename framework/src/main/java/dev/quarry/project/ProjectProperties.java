package dev.quarry.project;

import java.util.List;

/** Everything the {@code version: 2} YAML files of a project declare, gathered from all of them. */
public record ProjectProperties(List<NodeProperties> models, List<NodeProperties> seeds,
        List<SourceDefinition> sources, List<UnitTestDefinition> unitTests, List<ExposureDefinition> exposures) {

    public ProjectProperties {
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        sources = List.copyOf(sources);
        unitTests = List.copyOf(unitTests);
        exposures = List.copyOf(exposures);
    }
}
