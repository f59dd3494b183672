package dev.quarry.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.ModelFile;
import dev.quarry.project.Project;
import dev.quarry.project.SeedFile;
import dev.quarry.project.SingularTestFile;
import dev.quarry.project.SourceDefinition;
import dev.quarry.project.TestDefinition;
import dev.quarry.project.UnitTestDefinition;

/**
 * Makes every node of a project (enabled models, seeds, source tables, the data tests attached to them, singular and
 * unit tests, exposures) and hands them to a {@link GraphBuilder}.
 */
final class ProjectNodes {

    private final Project project;
    private final NodeFactory factory;
    private final TestNodeFactory tests;
    private final DescriptionRenderer descriptions;
    private final Diagnostics diagnostics;

    ProjectNodes(Project project, NodeFactory factory, TestNodeFactory tests, DescriptionRenderer descriptions,
            Diagnostics diagnostics) {
        this.project = project;
        this.factory = factory;
        this.tests = tests;
        this.descriptions = descriptions;
        this.diagnostics = diagnostics;
    }

    /**
     * @param parsedModels the parse pass's results by model path
     * @param parsedTests  the parse pass's results by singular test path
     */
    GraphBuilder assemble(Map<String, ParsedTemplate> parsedModels, Map<String, ParsedTemplate> parsedTests) {
        GraphBuilder builder = new GraphBuilder(project, diagnostics);
        factory.checkPropertiesMatchFiles();
        List<ManifestNode> testNodes = new ArrayList<>();
        Map<String, List<TestDefinition>> modelTests = new HashMap<>();
        project.properties().models().forEach(properties -> modelTests.put(properties.name(), properties.tests()));
        for (ModelFile model : project.models()) {
            ManifestNode node = factory.model(model, parsedModels.get(model.path()));
            if (isEnabled(node)) {
                builder.add(node);
                testNodes.addAll(tests.genericTests(node, modelTests.getOrDefault(model.name(), List.of())));
            }
        }
        Map<String, List<TestDefinition>> seedTests = new HashMap<>();
        project.properties().seeds().forEach(properties -> seedTests.put(properties.name(), properties.tests()));
        for (SeedFile seed : project.seeds()) {
            ManifestNode node = factory.seed(seed, seedChecksum(seed));
            builder.add(node);
            testNodes.addAll(tests.genericTests(node, seedTests.getOrDefault(seed.name(), List.of())));
        }
        for (SourceDefinition source : project.properties().sources()) {
            List<ManifestNode> tables = factory.sources(source);
            for (int index = 0; index < tables.size(); index++) {
                builder.add(tables.get(index));
                testNodes.addAll(tests.genericTests(tables.get(index), source.tables().get(index).tests()));
            }
        }
        for (SingularTestFile test : project.singularTests()) {
            testNodes.add(tests.singular(test, parsedTests.get(test.path())));
        }
        testNodes.addAll(unitTests());
        testNodes.stream().filter(ProjectNodes::isEnabled).forEach(builder::add);
        project.properties().exposures().forEach(exposure -> builder.add(builder.exposure(exposure,
                descriptions.render(exposure.description(), exposure.location()))));
        return builder;
    }

    private List<ManifestNode> unitTests() {
        Set<String> modelNames = new HashSet<>();
        project.models().forEach(model -> modelNames.add(model.name()));
        List<ManifestNode> nodes = new ArrayList<>();
        for (UnitTestDefinition unitTest : project.properties().unitTests()) {
            if (modelNames.contains(unitTest.model())) {
                nodes.add(tests.unit(unitTest));
            } else {
                diagnostics.error(unitTest.location(), "unit test '" + unitTest.name() + "' is for model '"
                        + unitTest.model() + "', which does not exist", DidYouMean.hint(unitTest.model(),
                        modelNames));
            }
        }
        return nodes;
    }

    private static boolean isEnabled(ManifestNode node) {
        return !Boolean.FALSE.equals(node.config().get("enabled"));
    }

    private String seedChecksum(SeedFile seed) {
        try {
            return Checksums.sha256(Files.readString(project.root().resolve(seed.path())));
        } catch (IOException | RuntimeException unreadable) {
            return Checksums.sha256(seed.path());
        }
    }
}
