package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry ingest} runs the loaders sources declare, found on the classpath ({@link FixtureLoader} here). */
class IngestCommandTest {

    @TempDir
    Path dir;

    private TestProject project(String loader) {
        return TestProject.in(dir).file("models/sources.yml", """
                version: 2
                sources:
                  - name: landing
                    loader: %s
                    tables:
                      - name: orders
                        external: {location: "data/landing/landing/orders.csv", format: csv}
                      - name: customers
                        loader: {rows: 2}
                      - name: orders_manifests
                        loader: null
                  - name: manual
                    tables:
                      - name: notes
                """.formatted(loader));
    }

    @Test
    void ingestRunsTheSourcesLoaderForEachOfItsTables() throws Exception {
        TestProject.Result result = project("{type: fixture, rows: 3}").env("APP_TOKEN", "secret")
                .run("ingest", "-s", "source:landing", "--full-refresh");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("Ingesting landing.orders with the fixture loader")
                .contains("landing.orders: 3 rows written")
                .contains("OK ingested 3 rows into landing.orders: landed in data/landing/landing/orders.csv; "
                        + "full refresh true, token given")
                .contains("OK ingested 2 rows into landing.customers")
                .doesNotContain("orders_manifests")
                .doesNotContain("manual")
                .doesNotContain("secret");
        assertThat(Files.readString(dir.resolve("data/landing/landing/orders.csv"))).isEqualTo("id\n1\n2\n3\n");
    }

    @Test
    void aTableSettingOverridesTheSourcesAndLoaderNullLeavesTheTableOut() throws Exception {
        TestProject.Result result = project("{type: fixture, rows: 3}").run("ingest", "-s", "source:landing");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("data/landing/landing/customers.csv"))).isEqualTo("id\n1\n2\n");
        assertThat(dir.resolve("data/landing/landing/orders_manifests.csv")).doesNotExist();
    }

    @Test
    void aLoaderThatIsNotOnTheClasspathIsAProjectError() {
        TestProject.Result result = project("{type: fixtures}").run("ingest");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("models/sources.yml:6:9: error: source landing.orders declares the loader "
                + "'fixtures', which is not on the classpath\n  hint: did you mean 'fixture'?");
    }

    @Test
    void aFailedLoadSaysWhyAndExitsWithOne() {
        TestProject.Result result = project("{type: fixture, fail: 'DataSF answered 404: no dataset wg3w-h78'}")
                .run("ingest", "-s", "source:landing.orders");

        assertThat(result.exitCode()).isOne();
        assertThat(result.stderr()).contains("Failure ingesting landing.orders (models/sources.yml:6:9)\n"
                + "  DataSF answered 404: no dataset wg3w-h78");
    }

    @Test
    void withoutLoadersThereIsNothingToIngest() {
        TestProject.Result result = project("{type: fixture}").run("ingest", "-s", "source:manual");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("No selected source declares a loader");
    }
}
