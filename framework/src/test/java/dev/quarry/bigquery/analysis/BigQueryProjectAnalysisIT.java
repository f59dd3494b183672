package dev.quarry.bigquery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.cli.FixtureProject;

/**
 * Every fixture project under {@code src/test/resources/projects} that targets BigQuery, and the repository's own
 * project on its {@code prod} target, compiled for BigQuery by the real command line and analyzed by ZetaSQL in
 * dependency order ({@link ProjectAnalysis}): one test per source, seed, model and data test, which fails with the
 * node's file and ZetaSQL's message, or is skipped with the reason it cannot be analyzed.
 */
class BigQueryProjectAnalysisIT {

    /** The fixture projects analyzed, and the output of their profile that is BigQuery. */
    private static final Map<String, String> FIXTURE_TARGETS = Map.of(
            "shop", "warehouse",
            "ephemeral", "warehouse",
            "quality", "bigquery",
            "jaffle", "bigquery",
            "bigquery_shop", "dev");

    /** Fixture projects written for DuckDB alone, and why. */
    private static final Map<String, String> DUCKDB_ONLY_FIXTURES = Map.of(
            "interrupt", "its model 'slow' reads DuckDB's range() table function, so that a build can be interrupted "
                    + "mid-query (InterruptEndToEndIT); it has no BigQuery target");

    /**
     * Models (and hooks) of the analyzed fixtures written in SQL that BigQuery does not accept, or that cannot be
     * analyzed, for a reason of their own. They are skipped while ZetaSQL rejects them, and fail once it accepts them
     * (then take them off this list).
     */
    private static final Map<String, String> MODELS_NOT_WRITTEN_FOR_BIGQUERY = Map.of(
            "model.eph.order_numbers", "the fixture's recursive CTE lists its column, numbers(n), as DuckDB allows "
                    + "and BigQuery does not; the model is there to test that ephemeral CTEs go after WITH RECURSIVE",
            "model.quality.empty_model", "a SELECT without FROM has a WHERE clause, which DuckDB and H2 allow and "
                    + "BigQuery does not; the model is there to be empty for the not_empty test",
            "model.jaffle.orders_incremental#incremental#pre_hook[0]", "the hook writes to the audit table that the "
                    + "fixture's on-run-start creates, which is not in the catalog (the analysis builds models only)");

    @TempDir
    Path temporary;

    @TestFactory
    Stream<DynamicNode> fixtureProjects() {
        return fixtureNames().stream().map(name -> DUCKDB_ONLY_FIXTURES.containsKey(name)
                ? dynamicTest(name, () -> abort("DuckDB-only fixture: " + DUCKDB_ONLY_FIXTURES.get(name)))
                : project(name, FIXTURE_TARGETS.get(name),
                        () -> FixtureProject.copy(name, Files.createDirectories(temporary.resolve(name))).root()));
    }

    /**
     * The repository's project twice: as a fresh clone compiles it (no data landed: the synthetic demo data), and as
     * production does (landing on Cloud Storage: the landed files, batch manifests and tombstones).
     */
    @TestFactory
    Stream<DynamicNode> theRepositorysOwnProject() {
        return Stream.of(project("sf_crime_stats (the repository, demo data)", "prod", Map.of(),
                        () -> copyOfTheRepositorysProject("demo")),
                project("sf_crime_stats (the repository, landed on Cloud Storage)", "prod",
                        Map.of("SFPD_LANDING", "gs://sf-crime-stats-landing/raw"),
                        () -> copyOfTheRepositorysProject("landed")));
    }

    @Test
    void everyFixtureProjectIsAnalyzedOrExcludedWithAReason() {
        Set<String> known = new TreeSet<>(FIXTURE_TARGETS.keySet());
        known.addAll(DUCKDB_ONLY_FIXTURES.keySet());

        assertThat(fixtureNames()).as("fixture projects: give a new one a bigquery output in its profiles.yml and "
                + "list it in FIXTURE_TARGETS, or say in DUCKDB_ONLY_FIXTURES why it has none").isEqualTo(known);
    }

    /** A container of one test per node, compiled and analyzed lazily, when JUnit runs the container. */
    private DynamicNode project(String name, String target, ProjectCopy copy) {
        return project(name, target, Map.of(), copy);
    }

    private DynamicNode project(String name, String target, Map<String, String> environment, ProjectCopy copy) {
        Stream<DynamicNode> tests = Stream.of(target).flatMap(ignored -> nodeTests(copy, target, environment));
        return dynamicContainer(name + " --target " + target, tests);
    }

    private Stream<DynamicNode> nodeTests(ProjectCopy copy, String target, Map<String, String> environment) {
        BigQueryCompilation compilation;
        try {
            compilation = BigQueryCompilation.compile(copy.create(), target, environment);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        ProjectAnalysis analysis = new ProjectAnalysis(compilation, MODELS_NOT_WRITTEN_FOR_BIGQUERY);
        List<ProjectNode> order = analysis.order();
        DynamicNode hasModels = dynamicTest("compiles to models", () -> assertThat(order)
                .as("nodes of %s", compilation.projectName()).anyMatch(ProjectNode::isModel));
        return Stream.concat(Stream.of(hasModels),
                order.stream().map(node -> dynamicTest(node.displayName(),
                        () -> check(compilation.projectName() + ": " + node.displayName(), analysis.analyze(node)))));
    }

    /** Fails or skips with the project and node named first: test reports name dynamic tests by number only. */
    private static void check(String subject, NodeOutcome outcome) {
        if (outcome instanceof NodeOutcome.Failed failed) {
            fail(subject + ": " + failed.message());
        } else if (outcome instanceof NodeOutcome.Skipped skipped) {
            abort(subject + ": " + skipped.reason());
        }
    }

    private static Set<String> fixtureNames() {
        try (Stream<Path> folders = Files.list(Path.of(BigQueryProjectAnalysisIT.class.getResource("/projects")
                .toURI()))) {
            return new TreeSet<>(folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .toList());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The repository's project (tests run in {@code framework/}, so it is {@code ..}), copied without its
     * {@code target/}: its project and profiles files and the folders its {@code quarry_project.yml} names
     * (models, macros, seeds, tests).
     */
    private Path copyOfTheRepositorysProject(String variant) throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        assertThat(repository.resolve("quarry_project.yml"))
                .as("the repository's project, from the working directory %s", Path.of("").toAbsolutePath())
                .isRegularFile();
        Path copy = Files.createDirectories(temporary.resolve("sf_crime_stats-" + variant));
        for (String file : List.of("quarry_project.yml", "profiles.yml")) {
            Files.copy(repository.resolve(file), copy.resolve(file));
        }
        for (String folder : List.of("models", "macros", "seeds", "tests")) {
            copyFolder(repository.resolve(folder), copy.resolve(folder));
        }
        return copy;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Makes the copy of a project that is compiled (compiling writes {@code target/} into it). */
    @FunctionalInterface
    private interface ProjectCopy {
        Path create() throws IOException;
    }
}
