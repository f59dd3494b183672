package dev.quarry.seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.duckdb.DuckDbAdapter;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.Target;
import dev.quarry.template.Relation;

/**
 * Loads one seed CSV into a DuckDB database file through {@link SeedLoader} and the DuckDB adapter, as
 * {@code quarry seed} does, and prints how long each part took. Run by {@code bench/seed-benchmark.sh}.
 *
 * <p>usage: {@code SeedLoadBenchmark SEED.csv DATABASE.duckdb [--passes]}; {@code --passes} also times the two reading
 * passes on their own, without an engine.
 */
public final class SeedLoadBenchmark {

    private SeedLoadBenchmark() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Path csv = Path.of(args[0]);
        Path database = Path.of(args[1]).toAbsolutePath();
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        if (args.length > 2 && args[2].equals("--passes")) {
            timePasses(csv, name);
        }
        Target target = new Target("bench", "bench", "duckdb", "main", null, 1, Map.of("path", database.toString()),
                SourceLocation.of("profiles.yml"));
        try (DuckDbAdapter adapter = DuckDbAdapter.open(target, database.getParent());
                EngineSession session = adapter.openSession()) {
            long opened = System.nanoTime();
            EngineDialect dialect = adapter.dialect();
            Relation relation = new Relation(null, "main", name, dialect.relation(null, "main", name));
            ManifestNode seed = new ManifestNode("seed.bench." + name, ResourceType.SEED, name, "bench",
                    "seeds/" + name + ".csv", null, List.of("bench", name), null, null, "0", Map.of(), List.of(),
                    null, List.of(), List.of(), List.of(), relation, Map.of());
            SeedLoadResult result = new SeedLoader(session, dialect).load(seed, csv, false);
            long loaded = System.nanoTime();
            System.out.printf("rows=%d action=%s open_ms=%d load_ms=%d in_process_ms=%d%n", result.rowCount(),
                    result.action(), (opened - started) / 1_000_000, (loaded - opened) / 1_000_000,
                    (loaded - started) / 1_000_000);
        }
    }

    private static void timePasses(Path csv, String name) {
        SeedReader reader = new SeedReader(csv, "seeds/" + name + ".csv", SeedOptions.DEFAULTS);
        long start = System.nanoTime();
        SeedScan scan = reader.scan();
        long scanned = System.nanoTime();
        long rows = 0;
        try (SeedRows values = reader.rows(scan.columns())) {
            while (values.hasNext()) {
                values.next();
                rows++;
            }
        }
        long converted = System.nanoTime();
        System.out.printf("scan_ms=%d convert_ms=%d rows=%d columns=%s%n", (scanned - start) / 1_000_000,
                (converted - scanned) / 1_000_000, rows, scan.columns());
    }
}
