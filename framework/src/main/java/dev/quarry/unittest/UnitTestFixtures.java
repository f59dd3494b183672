package dev.quarry.unittest;

import java.util.List;
import java.util.Map;

/** Reads the fixtures a compiled unit test node carries in its details ({@code given}, {@code expect}). */
public final class UnitTestFixtures {

    private UnitTestFixtures() {
    }

    /**
     * A fixture's rows: YAML rows, or CSV text ({@code format: csv}, inline or from a fixture file).
     *
     * @throws CsvFixtureException when CSV text is malformed
     */
    @SuppressWarnings("unchecked")
    public static FixtureRows rows(Map<String, Object> fixture) {
        Object rows = fixture.get("rows");
        if (rows instanceof String csv) {
            return FixtureRows.fromCsv(csv);
        }
        return FixtureRows.fromYaml(rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> given(Map<String, Object> details) {
        return (List<Map<String, Object>>) details.get("given");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> expect(Map<String, Object> details) {
        return (Map<String, Object>) details.get("expect");
    }
}
