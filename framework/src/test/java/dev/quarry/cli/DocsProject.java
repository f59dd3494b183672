package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code jaffle} fixture with documentation (Markdown, and a description that tries to run script in the site),
 * built on DuckDB (its run results kept) and then documented with {@code quarry docs generate}.
 */
public final class DocsProject {

    /** A description that must show as text on the site, never run: {@code window.pwned} stays undefined. */
    public static final String HOSTILE = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

    private DocsProject() {
    }

    /** Copies, builds and documents the project in {@code folder}; asserts that both commands succeed. */
    public static FixtureProject generate(Path folder) {
        FixtureProject fixture = FixtureProject.copy("jaffle", folder);
        try {
            Files.writeString(folder.resolve("models/marts/_marts.yml"), """
                    version: 2
                    models:
                      - name: customer_orders
                        description: 'Orders **per customer**. %s'
                        config:
                          tags: [nightly]
                        columns:
                          - name: customer_id
                            description: The customer's id, from `stg_customers`.
                            tests: [not_null, unique]
                          - name: order_count
                            description: How many orders.
                    """.formatted(HOSTILE.replace("'", "''")));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        assertThat(fixture.run("build")).as(fixture.stdout() + fixture.stderr()).isZero();
        // Added after the build: the catalog lists the model as an error, which must not fail the command.
        try {
            Files.writeString(folder.resolve("models/marts/not_built.sql"),
                    "select customer_id from ${ref('stg_customers')}\n");
            // A source (the seed's table) that nothing reads yet, for the site's source: selectors.
            Files.writeString(folder.resolve("models/staging/_raw__sources.yml"), """
                    version: 2
                    sources:
                      - name: raw
                        schema: main_raw
                        tables:
                          - name: customers
                    """);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        assertThat(fixture.run("docs", "generate")).as(fixture.stdout() + fixture.stderr()).isZero();
        return fixture;
    }
}
