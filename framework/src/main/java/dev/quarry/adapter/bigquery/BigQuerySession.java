package dev.quarry.adapter.bigquery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.QueryResultsOption;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableResult;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.template.Relation;

/**
 * One worker's BigQuery session: every statement is a query job (GoogleSQL, the target's priority, maximum bytes
 * billed, job timeout and labels, in the target's location), waited for until it is done. Seeds are loaded with a
 * load job. What each job did is kept: {@link #lastJob()} for the last statement, {@link #totals()} summed over the
 * session, for {@code run_results.json}.
 *
 * <p>Jobs carry the labels of the profile, {@code quarry_invocation_id} (set on the adapter) and {@code quarry_node}
 * (set here by the runner with {@link #currentNode}).
 */
public final class BigQuerySession implements EngineSession {

    private final BigQueryFailures failures;
    private final BigQueryRetrier retrier;
    private final BigQueryJobRunner jobs;
    private final BigQueryCatalog catalog;
    private final BigQueryLoader loader;
    private long engineNanos;

    BigQuerySession(BigQueryAdapter adapter, BigQuery client, BigQueryFailures failures, BigQueryRetrier retrier,
            BigQueryAdapter.Tuning tuning) {
        this.failures = failures;
        this.retrier = retrier;
        this.jobs = new BigQueryJobRunner(adapter, client, failures, retrier, tuning);
        this.catalog = new BigQueryCatalog(client, adapter.settings(), adapter.dialect(), failures,
                retrier, jobs::cancelled);
        this.loader = new BigQueryLoader(client, jobs, tuning.uploadChunkBytes());
    }

    /**
     * Names the node whose statements follow, as the {@code quarry_node} label of their jobs (cleaned to what a label
     * may hold: {@code model.shop.orders} becomes {@code model_shop_orders}); null for none.
     */
    @Override
    public void currentNode(String uniqueId) {
        jobs.node(uniqueId);
    }

    /** The last job this session completed, if any. */
    public Optional<CompletedJob> lastJob() {
        return jobs.lastJob();
    }

    /** Sums over every job this session completed; subtract an earlier value for a node's share. */
    public JobTotals totals() {
        return jobs.totals();
    }

    /**
     * For {@code run_results.json}: what the jobs since {@code before} (a {@link #totals()} taken when a node started)
     * cost together ({@code jobs}, {@code bytes_processed}, {@code bytes_billed}, {@code slot_ms},
     * {@code cache_hits}), and which was the last ({@code job_id}, {@code project_id}, {@code location}).
     */
    public Map<String, Object> adapterResponse(JobTotals before) {
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        jobs.lastJob().filter(last -> totals().jobs() > before.jobs()).ifPresent(last -> {
            response.put("job_id", last.jobId());
            response.put("project_id", last.project());
            response.put("location", last.location());
        });
        response.putAll(totals().minus(before).adapterResponse());
        return response;
    }

    /** The running sums of {@link #totals()}, for the engine-neutral {@link EngineSession#usage()}. */
    @Override
    public Map<String, Long> usage() {
        JobTotals totals = totals();
        Map<String, Long> usage = new java.util.LinkedHashMap<>();
        usage.put("jobs", totals.jobs());
        usage.put("bytes_processed", totals.bytesProcessed());
        usage.put("bytes_billed", totals.bytesBilled());
        usage.put("slot_ms", totals.slotMillis());
        usage.put("cache_hits", totals.cacheHits());
        return usage;
    }

    /** The last job's {@code job_id}, {@code project_id} and {@code location}. */
    @Override
    public Map<String, Object> lastResponse() {
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        jobs.lastJob().ifPresent(last -> {
            response.put("job_id", last.jobId());
            response.put("project_id", last.project());
            response.put("location", last.location());
        });
        return response;
    }

    /** A dry-run job's estimate; nothing runs and nothing is billed. */
    @Override
    public java.util.OptionalLong estimateBytes(String sql) {
        return java.util.OptionalLong.of(timed(() -> jobs.estimate(sql)));
    }

    @Override
    public long execute(String sql) {
        return timed(() -> jobs.record(jobs.query(sql)).rows());
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return timed(() -> {
            Job done = jobs.query(sql);
            jobs.record(done);
            return read(done, maxRows);
        });
    }

    @Override
    public Optional<RelationInfo> describe(Relation relation) {
        return timed(() -> catalog.describe(relation));
    }

    /** Every table and view of every dataset in the target's project: datasets.list, then tables.list for each. */
    @Override
    public Map<String, RelationType> listRelations(boolean withDatabase) {
        return timed(() -> catalog.listRelations(withDatabase));
    }

    /**
     * Like {@link #listRelations(boolean)}, but only in the datasets of the given relations (their database, or the
     * target's project): one tables.list per dataset a run writes to, not per dataset of the project.
     */
    public Map<String, RelationType> listRelations(boolean withDatabase, Collection<Relation> inSchemasOf) {
        return timed(() -> catalog.listRelations(withDatabase, inSchemasOf));
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        timed(() -> {
            catalog.createSchemaIfMissing(database, schema);
            return null;
        });
    }

    /** A load job of newline-delimited JSON, uploaded to the existing table; see {@link BigQueryLoader}. */
    @Override
    public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        return timed(() -> loader.load(catalog.tableId(table), columns, rows));
    }

    @Override
    public long engineNanos() {
        return engineNanos;
    }

    /** Cancels the running job (jobs.cancel); the statement waiting for it then fails, and so does any later one. */
    @Override
    public void cancel() {
        jobs.cancel();
    }

    @Override
    public void close() {
        // A session holds no connection of its own: the adapter's client serves every session.
    }

    /** The job's result rows, page by page (tabledata.list), until {@code maxRows} and one more are read. */
    private QueryResult read(Job done, int maxRows) {
        try {
            long pageSize = Math.max(1, Math.min((long) maxRows + 1, 10_000));
            TableResult page = retrier.call(true, jobs::cancelled, () -> getQueryResults(done, pageSize));
            if (page.getSchema() == null) {
                return new QueryResult(List.of(), List.of(), false);
            }
            Schema schema = page.getSchema();
            FieldList fields = schema.getFields();
            List<List<Object>> rows = new ArrayList<>();
            while (page != null) {
                for (FieldValueList values : page.getValues()) {
                    if (rows.size() == maxRows) {
                        return new QueryResult(BigQueryValues.columns(schema), rows, true);
                    }
                    rows.add(BigQueryValues.row(fields, values));
                }
                TableResult current = page;
                page = current.hasNextPage() ? retrier.call(false, jobs::cancelled, current::getNextPage) : null;
            }
            return new QueryResult(BigQueryValues.columns(schema), rows, false);
        } catch (BigQueryException failure) {
            throw failures.callFailed("reading the results of " + jobs.describe(done.getJobId()), failure);
        }
    }

    private TableResult getQueryResults(Job done, long pageSize) {
        try {
            return done.getQueryResults(QueryResultsOption.pageSize(pageSize));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while reading the results of " + jobs.describe(done.getJobId()),
                    interrupted);
        }
    }

    private <T> T timed(Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            engineNanos += System.nanoTime() - started;
        }
    }
}
