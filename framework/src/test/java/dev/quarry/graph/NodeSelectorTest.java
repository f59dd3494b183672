package dev.quarry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quarry.error.UsageException;
import dev.quarry.graph.ModelGraph.Dependency;

/**
 * Selection over a small project. Sources and seeds feed {@code a}; {@code a -> b -> c}, {@code a -> d}; data tests
 * on {@code b}, on {@code b} and {@code d} together, and on a source; a unit test and an exposure on {@code c}; and a
 * source {@code sfpd_archive} whose name starts like {@code sfpd}. Models are listed before seeds and sources, so the
 * graph's order is not alphabetical.
 */
class NodeSelectorTest {

    private static final String A = "model.proj.a";
    private static final String B = "model.proj.b";
    private static final String C = "model.proj.c";
    private static final String D = "model.proj.d";
    private static final String CODES = "seed.proj.codes";
    private static final String INCIDENTS = "source.proj.sfpd.incidents";
    private static final String ARRESTS = "source.proj.sfpd.arrests";
    private static final String ARCHIVE = "source.proj.sfpd_archive.incidents";
    private static final String NOT_NULL = "test.proj.not_null_b_id";
    private static final String RELATIONSHIPS = "test.proj.relationships_b_d";
    private static final String SOURCE_TEST = "test.proj.not_null_sfpd_incidents_row_id";
    private static final String UNIT = "unit_test.proj.c.c_dedupes";
    private static final String EXPOSURE = "exposure.proj.dashboard";

    private static final List<String> EVERY_NODE = List.of(A, B, C, D, CODES, INCIDENTS, ARRESTS, ARCHIVE, NOT_NULL,
            RELATIONSHIPS, SOURCE_TEST, UNIT, EXPOSURE);

    private static final ModelGraph GRAPH = ModelGraph.of(
            List.of(
                    model("a", "models/staging/a.sql", List.of("proj", "staging", "a"), Set.of("nightly"),
                            Map.of("materialized", "view", "tags", List.of("nightly"))),
                    model("b", "models/marts/b.sql", List.of("proj", "marts", "b"), Set.of("nightly", "dashboard"),
                            Map.of("materialized", "table", "tags", List.of("nightly", "dashboard"),
                                    "full_refresh", false, "threads", 4)),
                    model("c", "models/marts/c.sql", List.of("proj", "marts", "c"), Set.of("dashboard"),
                            Map.of("materialized", "table", "tags", List.of("dashboard"), "full_refresh", true)),
                    model("d", "models/marts/core/d.sql", List.of("proj", "marts", "core", "d"), Set.of(),
                            Map.of("materialized", "incremental", "incremental_strategy", "delete+insert")),
                    node(CODES, ResourceType.SEED, "codes", "seeds/codes.csv", List.of("proj", "codes"), null),
                    node(INCIDENTS, ResourceType.SOURCE, "sfpd.incidents", "models/staging/_sources.yml",
                            List.of("proj", "staging", "sfpd", "incidents"), "sfpd"),
                    node(ARRESTS, ResourceType.SOURCE, "sfpd.arrests", "models/staging/_sources.yml",
                            List.of("proj", "staging", "sfpd", "arrests"), "sfpd"),
                    node(ARCHIVE, ResourceType.SOURCE, "sfpd_archive.incidents", "models/staging/_sources.yml",
                            List.of("proj", "staging", "sfpd_archive", "incidents"), "sfpd_archive"),
                    test(NOT_NULL, "not_null_b_id", "models/marts/_models.yml",
                            List.of("proj", "marts", "not_null_b_id"), "not_null"),
                    test(RELATIONSHIPS, "relationships_b_d", "models/marts/_models.yml",
                            List.of("proj", "marts", "relationships_b_d"), "relationships"),
                    test(SOURCE_TEST, "not_null_sfpd_incidents_row_id", "models/staging/_sources.yml",
                            List.of("proj", "staging", "not_null_sfpd_incidents_row_id"), "not_null"),
                    node(UNIT, ResourceType.UNIT_TEST, "c_dedupes", "models/marts/_models.yml",
                            List.of("proj", "marts", "c", "c_dedupes"), null),
                    node(EXPOSURE, ResourceType.EXPOSURE, "dashboard", "models/marts/_exposures.yml",
                            List.of("proj", "dashboard"), null)),
            List.of(
                    new Dependency(INCIDENTS, A), new Dependency(CODES, A), new Dependency(A, B),
                    new Dependency(B, C), new Dependency(A, D), new Dependency(ARRESTS, D),
                    new Dependency(B, NOT_NULL), new Dependency(B, RELATIONSHIPS), new Dependency(D, RELATIONSHIPS),
                    new Dependency(INCIDENTS, SOURCE_TEST), new Dependency(C, UNIT), new Dependency(C, EXPOSURE)));

    private final NodeSelector selector = new NodeSelector();

    private static GraphNode model(String name, String path, List<String> fqn, Set<String> tags,
            Map<String, Object> config) {
        return new GraphNode("model.proj." + name, ResourceType.MODEL, name, path, fqn, tags, config, null);
    }

    private static GraphNode node(String id, ResourceType type, String name, String path, List<String> fqn,
            String sourceName) {
        return new GraphNode(id, type, name, path, fqn, Set.of(), Map.of(), sourceName);
    }

    private static GraphNode test(String id, String name, String path, List<String> fqn, String testName) {
        return new GraphNode(id, ResourceType.DATA_TEST, name, path, fqn, Set.of(), Map.of(), null, testName);
    }

    private Set<String> select(String... select) {
        return selector.select(GRAPH, List.of(select), List.of());
    }

    @Test
    void noSelectionIsEveryNodeInGraphOrder() {
        assertThat(selector.select(GRAPH, List.of(), List.of())).containsExactlyElementsOf(EVERY_NODE);
        assertThat(selector.select(GRAPH, List.of(" "), List.of())).containsExactlyElementsOf(EVERY_NODE);
    }

    @Test
    void selectsByNameAndGlob() {
        assertThat(select("a")).containsExactly(A);
        assertThat(select("c")).containsExactly(C, UNIT);
        assertThat(select("c*")).containsExactly(C, CODES, UNIT);
        assertThat(select("?")).containsExactly(A, B, C, D, NOT_NULL, RELATIONSHIPS, UNIT);
        assertThat(select("sfpd.arrests")).containsExactly(ARRESTS);
        assertThat(select("A")).isEmpty();
    }

    @Test
    void selectsByFqnPrefix() {
        assertThat(select("proj.marts")).containsExactly(B, C, D, NOT_NULL, RELATIONSHIPS, UNIT);
        assertThat(select("fqn:proj.marts.core")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("fqn:proj.*.a")).containsExactly(A);
        assertThat(select("fqn:proj.mart")).isEmpty();
    }

    @Test
    void selectsByPathFolderOrFile() {
        assertThat(select("path:models/marts"))
                .containsExactly(B, C, D, NOT_NULL, RELATIONSHIPS, UNIT, EXPOSURE);
        assertThat(select("path:./models/marts/")).isEqualTo(select("path:models/marts"));
        assertThat(select("path:models/mart")).isEmpty();
        assertThat(select("path:models/marts/c.sql")).containsExactly(C, UNIT);
        assertThat(select("models/marts/c.sql")).containsExactly(C, UNIT);
        assertThat(select("models\\marts\\core")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("seeds/codes.csv")).containsExactly(CODES);
        assertThat(select("path:models/*/c.sql")).containsExactly(C, UNIT);
        assertThat(select("path:**/d.sql")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("path:models/*.yml")).isEmpty();
    }

    @Test
    void selectsByTag() {
        assertThat(select("tag:nightly")).containsExactly(A, B, NOT_NULL, RELATIONSHIPS);
        assertThat(select("tag:dash*")).containsExactly(B, C, NOT_NULL, RELATIONSHIPS, UNIT);
        assertThat(select("tag:Nightly")).isEmpty();
    }

    @Test
    void selectsSourcesWholeOrOneTable() {
        assertThat(select("source:sfpd")).containsExactly(INCIDENTS, ARRESTS, SOURCE_TEST);
        assertThat(select("source:sfpd.incidents")).containsExactly(INCIDENTS, SOURCE_TEST);
        assertThat(select("source:sfpd*")).containsExactly(INCIDENTS, ARRESTS, ARCHIVE, SOURCE_TEST);
        assertThat(select("source:sfpd_archive.incidents")).containsExactly(ARCHIVE);
        assertThat(select("source:a")).isEmpty();
    }

    @Test
    void selectsByResourceType() {
        assertThat(select("resource_type:model")).containsExactly(A, B, C, D, NOT_NULL, RELATIONSHIPS, UNIT);
        assertThat(select("resource_type:seed")).containsExactly(CODES);
        assertThat(select("resource_type:source")).containsExactly(INCIDENTS, ARRESTS, ARCHIVE, SOURCE_TEST);
        assertThat(select("resource_type:test")).containsExactly(NOT_NULL, RELATIONSHIPS, SOURCE_TEST);
        assertThat(select("resource_type:unit_test")).containsExactly(UNIT);
        assertThat(select("resource_type:exposure")).containsExactly(EXPOSURE);
    }

    @Test
    void selectsByConfigValueListElementOrBoolean() {
        assertThat(select("config.materialized:table")).containsExactly(B, C, NOT_NULL, RELATIONSHIPS, UNIT);
        assertThat(select("config.tags:nightly")).containsExactly(A, B, NOT_NULL, RELATIONSHIPS);
        assertThat(select("config.full_refresh:true")).containsExactly(C, UNIT);
        assertThat(select("config.full_refresh:false")).containsExactly(B, NOT_NULL, RELATIONSHIPS);
        assertThat(select("config.threads:4")).containsExactly(B, NOT_NULL, RELATIONSHIPS);
        assertThat(select("config.incremental_strategy:delete+insert")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("config.materialized:tab*")).isEmpty();
        assertThat(select("config.schema:staging")).isEmpty();
    }

    @Test
    void selectsByTestTypeAndUniqueId() {
        assertThat(select("test_type:unit")).containsExactly(UNIT);
        assertThat(select("test_type:data")).containsExactly(NOT_NULL, RELATIONSHIPS, SOURCE_TEST);
        assertThat(select("unique_id:model.proj.d")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("unique_id:model.proj.*")).isEmpty();
    }

    @Test
    void selectsByTestNameExposureFileAndPackage() {
        assertThat(select("test_name:not_null")).containsExactly(NOT_NULL, SOURCE_TEST);
        assertThat(select("test_name:relation*")).containsExactly(RELATIONSHIPS);
        assertThat(select("exposure:dashboard")).containsExactly(EXPOSURE);
        assertThat(select("+exposure:dash*")).containsExactly(A, B, C, CODES, INCIDENTS, NOT_NULL, RELATIONSHIPS,
                SOURCE_TEST, UNIT, EXPOSURE);
        assertThat(select("file:d.sql")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("file:d")).containsExactly(D, RELATIONSHIPS);
        assertThat(select("file:_sources.yml")).containsExactly(INCIDENTS, ARRESTS, ARCHIVE, SOURCE_TEST);
        assertThat(select("package:proj")).containsExactlyElementsOf(EVERY_NODE);
        assertThat(select("package:other")).isEmpty();
    }

    @Test
    void addsAncestorsAllOrByDepth() {
        assertThat(select("+b")).containsExactly(A, B, CODES, INCIDENTS, NOT_NULL, RELATIONSHIPS, SOURCE_TEST);
        assertThat(select("1+b")).containsExactly(A, B, NOT_NULL, RELATIONSHIPS);
        assertThat(select("2+b")).containsExactly(A, B, CODES, INCIDENTS, NOT_NULL, RELATIONSHIPS, SOURCE_TEST);
    }

    @Test
    void addsDescendantsAllOrByDepth() {
        assertThat(select("b+")).containsExactly(B, C, NOT_NULL, RELATIONSHIPS, UNIT, EXPOSURE);
        assertThat(select("a+1")).containsExactly(A, B, D, NOT_NULL, RELATIONSHIPS);
        assertThat(select("+d+")).containsExactly(A, D, CODES, INCIDENTS, ARRESTS, RELATIONSHIPS, SOURCE_TEST);
    }

    @Test
    void atAddsDescendantsAndTheirAncestors() {
        // b is an ancestor of relationships_b_d, a descendant of d, so @d reaches b where +d+ does not
        assertThat(select("@d"))
                .containsExactly(A, B, D, CODES, INCIDENTS, ARRESTS, NOT_NULL, RELATIONSHIPS, SOURCE_TEST);
    }

    @Test
    void spacesAndArgumentsAreUnionsInGraphOrder() {
        assertThat(select("c a")).containsExactly(A, C, UNIT);
        assertThat(select("c", "a")).containsExactly(A, C, UNIT);
        assertThat(select("resource_type:source resource_type:model"))
                .containsExactly(A, B, C, D, INCIDENTS, ARRESTS, ARCHIVE, NOT_NULL, RELATIONSHIPS, SOURCE_TEST,
                        UNIT);
    }

    @Test
    void commasIntersect() {
        assertThat(select("tag:nightly,config.materialized:table")).containsExactly(B, NOT_NULL, RELATIONSHIPS);
        assertThat(select("+c,resource_type:source")).containsExactly(INCIDENTS, SOURCE_TEST);
        assertThat(select("tag:nightly,tag:dashboard,c")).isEmpty();
    }

    @Test
    void excludeRemovesMatchesAndTheirTestsAfterIndirectSelection() {
        assertThat(selector.select(GRAPH, List.of("path:models/marts"), List.of("d")))
                .containsExactly(B, C, NOT_NULL, UNIT, EXPOSURE);
        assertThat(selector.select(GRAPH, List.of("b c"), List.of("resource_type:test")))
                .containsExactly(B, C, UNIT);
        assertThat(selector.select(GRAPH, List.of("c"), List.of("test_type:unit"))).containsExactly(C);
        assertThat(selector.select(GRAPH, List.of(), List.of("resource_type:source", "a+")))
                .containsExactly(CODES);
        assertThat(selector.select(GRAPH, List.of("a"), List.of("nope"))).containsExactly(A);
    }

    @Test
    void aSelectorMatchingNothingIsAnEmptySelectionNotAnError() {
        assertThat(select("nope")).isEmpty();
        assertThat(selector.termsMatchingNothing(GRAPH, List.of("a nope", "tag:nightly,c", "test_type:unit")))
                .containsExactly("nope", "tag:nightly,c");
    }

    @Test
    void malformedSelectOrExcludeIsAUsageError() {
        assertThatThrownBy(() -> selector.select(GRAPH, List.of("a"), List.of("tga:x")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("bad selector 'tga:x': unknown method 'tga' (did you mean 'tag'?)");
        assertThatThrownBy(() -> selector.select(GRAPH, List.of("@a+"), List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("bad selector '@a+': '@' cannot be combined with '+'");
    }

    @Test
    void resultIsUnmodifiable() {
        assertThatThrownBy(() -> select("a").add(B)).isInstanceOf(UnsupportedOperationException.class);
    }
}
