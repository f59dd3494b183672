package dev.quarry.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.Diagnostics;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ColumnProperties;
import dev.quarry.project.ConfigValue;
import dev.quarry.project.Project;
import dev.quarry.project.SingularTestFile;
import dev.quarry.project.TestDefinition;
import dev.quarry.project.UnitTestDefinition;

/** Makes the manifest nodes of data tests (generic and singular) and unit tests. */
final class TestNodeFactory {

    private final Project project;
    private final GenericTests genericTests;
    private final ConfigResolver configs;
    private final Diagnostics diagnostics;
    private final Map<String, String> firstLocationOfName = new HashMap<>();

    TestNodeFactory(Project project, dev.quarry.template.TemplateEngine engine, Diagnostics diagnostics) {
        this.project = project;
        this.genericTests = new GenericTests(engine);
        this.configs = new ConfigResolver(diagnostics);
        this.diagnostics = diagnostics;
    }

    /** The generic tests of a model, seed or source node and of its columns. */
    List<ManifestNode> genericTests(ManifestNode attached, List<TestDefinition> nodeTests) {
        List<ManifestNode> tests = new ArrayList<>();
        boolean isSource = attached.type() == ResourceType.SOURCE;
        String attachedName = isSource ? attached.name().replace('.', '_') : attached.name();
        for (TestDefinition test : nodeTests) {
            generic(attached, test, null, attachedName, isSource).ifPresent(tests::add);
        }
        for (ColumnProperties column : attached.columns()) {
            for (TestDefinition test : column.tests()) {
                generic(attached, test, column.name(), attachedName, isSource).ifPresent(tests::add);
            }
        }
        return tests;
    }

    private java.util.Optional<ManifestNode> generic(ManifestNode attached, TestDefinition test, String column,
            String attachedName, boolean isSource) {
        if (!genericTests.check(test, column, diagnostics)) {
            return java.util.Optional.empty();
        }
        String name = test.name() != null ? test.name()
                : TestNaming.name(test.testName(), attachedName, isSource, column, test.arguments());
        if (!claim(name, test.location())) {
            return java.util.Optional.empty();
        }
        Reference tested = isSource ? Reference.source(attached.fqn().get(1), attached.fqn().get(2))
                : Reference.ref(null, attached.name());
        List<Reference> references = new ArrayList<>();
        references.add(tested);
        references.addAll(GenericTestInvocation.argumentReferences(test.arguments()));
        if (test.arguments().get("to") instanceof String to && ReferenceExpression.parse(to).isEmpty()) {
            diagnostics.error(test.location(), "relationships 'to' must be ref('model') or source('source', "
                    + "'table'), not '" + to + "'", "write to: \"ref('dim_location')\"");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(test.arguments());
        if (column != null) {
            kwargs.put("column_name", column);
        }
        Map<String, Object> config = testConfig(attached.fqn(), test.config());
        String where = config.get("where") instanceof String text ? text : null;
        String rawCode = GenericTestInvocation.text(test.testName(), tested, column, test.arguments(), where);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("test_metadata", Map.of("name", test.testName(), "kwargs", kwargs));
        details.put("attached_node", attached.uniqueId());
        if (column != null) {
            details.put("column_name", column);
        }
        details.put("defined_at", test.location().toString());
        String file = attached.patchPath() != null ? attached.patchPath() : attached.path();
        return java.util.Optional.of(new ManifestNode(NodeIds.test(project.name(), name), ResourceType.DATA_TEST,
                name, project.name(), file, null, List.of(project.name(), name), rawCode, null,
                Checksums.sha256(name, rawCode), config, NodeFactory.tags(config), "", List.of(),
                references, List.of(), null, details));
    }

    ManifestNode singular(SingularTestFile file, ParsedTemplate parsed) {
        List<String> fqn = new ArrayList<>(List.of(project.name()));
        fqn.addAll(file.folders());
        fqn.add(file.name());
        claim(file.name(), dev.quarry.error.SourceLocation.of(file.path()));
        Map<String, Object> config = configs.resolve(testDefaults(),
                project.config().testConfigs().resolve(fqn), parsed.config());
        return new ManifestNode(NodeIds.test(project.name(), file.name()), ResourceType.DATA_TEST, file.name(),
                project.name(), file.path(), null, fqn, file.rawCode(), null, parsed.checksum(),
                config, NodeFactory.tags(config), "", List.of(), parsed.references(), List.of(), null, Map.of());
    }

    ManifestNode unit(UnitTestDefinition test) {
        List<Reference> references = new ArrayList<>(List.of(Reference.ref(null, test.model())));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", test.model());
        details.put("given", test.given().stream().map(TestNodeFactory::fixture).toList());
        details.put("expect", fixture(test.expect()));
        details.put("defined_at", test.location().toString());
        details.put("ordered", test.ordered());
        details.put("overrides", test.overrides());
        Map<String, Object> config = configs.resolve(Map.of("enabled", new ConfigValue(true, test.location())),
                test.config());
        return new ManifestNode(NodeIds.unitTest(project.name(), test.model(), test.name()), ResourceType.UNIT_TEST,
                test.name(), project.name(), test.file(), test.file(), List.of(project.name(), test.model(),
                test.name()), null, null, Checksums.sha256(test.name(), String.valueOf(details)), config,
                NodeFactory.tags(config), test.description(), List.of(), references, List.of(), null, details);
    }

    /**
     * A given input or the expectation as plain values: {@code rows} holds YAML rows or inline CSV text; a fixture
     * file is read when the test is rendered.
     */
    private static Map<String, Object> fixture(UnitTestDefinition.Fixture fixture) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (fixture.input() != null) {
            plain.put("input", fixture.input());
        }
        plain.put("format", fixture.fixture() != null ? "csv" : fixture.format());
        if (fixture.fixture() != null) {
            plain.put("fixture", fixture.fixture());
        } else if (fixture.csv() != null) {
            plain.put("rows", fixture.csv());
        } else {
            plain.put("rows", fixture.rows());
        }
        plain.put("defined_at", fixture.location().toString());
        return plain;
    }

    private Map<String, Object> testConfig(List<String> attachedFqn, Map<String, ConfigValue> own) {
        return configs.resolve(testDefaults(), project.config().testConfigs().resolve(attachedFqn), own);
    }

    private static Map<String, ConfigValue> testDefaults() {
        Map<String, ConfigValue> defaults = new LinkedHashMap<>(ConfigResolver.defaults("test"));
        defaults.put("severity", new ConfigValue("error", dev.quarry.error.SourceLocation.of("")));
        return defaults;
    }

    /** Test names must be unique; the second use of a name is an error. */
    private boolean claim(String name, dev.quarry.error.SourceLocation where) {
        String previous = firstLocationOfName.putIfAbsent(name, where.toString());
        if (previous != null) {
            diagnostics.error(where,
                    "two data tests are named '" + name + "' (the other is at " + previous + ")",
                    "remove the duplicate, or give one of them a 'name:'");
            return false;
        }
        return true;
    }
}
