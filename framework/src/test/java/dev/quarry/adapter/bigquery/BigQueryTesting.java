package dev.quarry.adapter.bigquery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

/** Opens adapters on a {@link FakeBigQuery}, with retry and poll delays of milliseconds. */
final class BigQueryTesting {

    /** Delays of milliseconds, and upload chunks of the client's minimum (256 KiB). */
    static final BigQueryAdapter.Tuning FAST = new BigQueryAdapter.Tuning(Duration.ofMillis(1), Duration.ofMillis(4),
            Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ZERO, 256 * 1024);

    private BigQueryTesting() {
    }

    /** A target's output: project, dataset analytics, location EU, job_retries 2, and the fake's endpoint. */
    static Map<String, Object> output(FakeBigQuery fake) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "bigquery");
        output.put("project", FakeBigQuery.PROJECT);
        output.put("dataset", "analytics");
        output.put("location", "EU");
        output.put("job_retries", 2L);
        output.put("api_endpoint", fake.endpoint());
        return output;
    }

    static Target target(Map<String, Object> output) {
        return new Target("shop", "dev", "bigquery", (String) output.getOrDefault("dataset", "analytics"),
                (String) output.get("project"), 1, output, new SourceLocation("profiles.yml", 4, 5));
    }

    static BigQueryAdapter open(Map<String, Object> output) {
        return BigQueryAdapter.open(BigQuerySettings.of(target(output), Path.of("/work/project")), FAST);
    }

    static BigQueryAdapter open(FakeBigQuery fake) {
        return open(output(fake));
    }
}
