package dev.quarry.adapter.bigquery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one BigQuery job did, for {@code run_results.json}: a session keeps the last one
 * ({@link BigQuerySession#lastJob()}) and adds every one to its {@link JobTotals}.
 *
 * @param project        the project the job ran in
 * @param jobId          BigQuery's job id (Quarry makes it: {@code quarry_<uuid>})
 * @param location       where the job ran, as BigQuery reports it
 * @param statementType  {@code SELECT}, {@code CREATE_TABLE_AS_SELECT}, {@code MERGE}, {@code SCRIPT}, ... or
 *                       {@code LOAD} for a load job
 * @param bytesProcessed bytes the job read (a load: bytes it read from the upload)
 * @param bytesBilled    bytes billed (0 for a load, a cache hit or DDL)
 * @param slotMillis     slot milliseconds the job used
 * @param cacheHit       whether a query's results came from the cache
 * @param rows           rows the job wrote or loaded, or -1 when BigQuery does not say
 */
public record CompletedJob(String project, String jobId, String location, String statementType, long bytesProcessed,
        long bytesBilled, long slotMillis, boolean cacheHit, long rows) {

    /**
     * The fields dbt-bigquery writes into {@code adapter_response}: {@code job_id}, {@code project_id},
     * {@code location}, {@code bytes_processed}, {@code bytes_billed}, {@code slot_ms}, plus {@code cache_hit}.
     */
    public Map<String, Object> adapterResponse() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("job_id", jobId);
        response.put("project_id", project);
        response.put("location", location);
        response.put("bytes_processed", bytesProcessed);
        response.put("bytes_billed", bytesBilled);
        response.put("slot_ms", slotMillis);
        response.put("cache_hit", cacheHit);
        return response;
    }
}
