package dev.quarry.adapter.bigquery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums over the jobs a session ran, like {@link dev.quarry.adapter.EngineSession#engineNanos()}: a runner takes the
 * totals before a node and after it, and {@link #minus} gives what the node's statements cost.
 */
public record JobTotals(long jobs, long bytesProcessed, long bytesBilled, long slotMillis, long cacheHits) {

    public static final JobTotals NONE = new JobTotals(0, 0, 0, 0, 0);

    JobTotals plus(CompletedJob job) {
        return new JobTotals(jobs + 1, bytesProcessed + job.bytesProcessed(), bytesBilled + job.bytesBilled(),
                slotMillis + job.slotMillis(), cacheHits + (job.cacheHit() ? 1 : 0));
    }

    /** What was added since {@code earlier} (totals of the same session). */
    public JobTotals minus(JobTotals earlier) {
        return new JobTotals(jobs - earlier.jobs, bytesProcessed - earlier.bytesProcessed,
                bytesBilled - earlier.bytesBilled, slotMillis - earlier.slotMillis, cacheHits - earlier.cacheHits);
    }

    /** {@code jobs}, {@code bytes_processed}, {@code bytes_billed}, {@code slot_ms}, {@code cache_hits}. */
    public Map<String, Object> adapterResponse() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jobs", jobs);
        response.put("bytes_processed", bytesProcessed);
        response.put("bytes_billed", bytesBilled);
        response.put("slot_ms", slotMillis);
        response.put("cache_hits", cacheHits);
        return response;
    }
}
