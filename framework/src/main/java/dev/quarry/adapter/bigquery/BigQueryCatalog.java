package dev.quarry.adapter.bigquery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.DatasetListOption;
import com.google.cloud.bigquery.BigQuery.TableListOption;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.template.Relation;

/**
 * What exists in BigQuery, through its metadata API (free, no jobs): tables.get for one relation, datasets.list and
 * tables.list for all of them, datasets.get and datasets.insert for a schema.
 */
final class BigQueryCatalog {

    /** Datasets listed at once: tables.list is one call per dataset, and a project may have hundreds. */
    private static final int LISTING_THREADS = 8;

    /** The most tables.list and datasets.list return per page. */
    private static final long PAGE_SIZE = 1000;

    private final BigQuery client;
    private final BigQuerySettings settings;
    private final EngineDialect dialect;
    private final BigQueryFailures failures;
    private final BigQueryRetrier retrier;
    private final BooleanSupplier cancelled;

    BigQueryCatalog(BigQuery client, BigQuerySettings settings, EngineDialect dialect, BigQueryFailures failures,
            BigQueryRetrier retrier, BooleanSupplier cancelled) {
        this.client = client;
        this.settings = settings;
        this.dialect = dialect;
        this.failures = failures;
        this.retrier = retrier;
        this.cancelled = cancelled;
    }

    TableId tableId(Relation relation) {
        return TableId.of(project(relation.database()), relation.schema(), relation.identifier());
    }

    private String project(String database) {
        return database == null ? settings.project() : database;
    }

    Optional<RelationInfo> describe(Relation relation) {
        TableId id = tableId(relation);
        Table table = call("describing " + name(id), () -> client.getTable(id));
        if (table == null) {
            return Optional.empty();
        }
        TableDefinition definition = table.getDefinition();
        return Optional.of(new RelationInfo(type(definition.getType()), BigQueryValues.columns(
                definition.getSchema())));
    }

    /** Every table and view of every dataset of the target's project. */
    Map<String, RelationType> listRelations(boolean withDatabase) {
        String project = settings.project();
        List<DatasetId> datasets = new ArrayList<>();
        call("listing the datasets of project " + project, () -> {
            for (Dataset dataset : client.listDatasets(project, DatasetListOption.pageSize(PAGE_SIZE)).iterateAll()) {
                datasets.add(dataset.getDatasetId());
            }
            return datasets;
        });
        return tablesOf(datasets, withDatabase);
    }

    /** The tables and views of the datasets that hold the given relations (their database, or the target's project). */
    Map<String, RelationType> listRelations(boolean withDatabase, Collection<Relation> inSchemasOf) {
        Set<DatasetId> datasets = new LinkedHashSet<>();
        inSchemasOf.forEach(relation -> datasets.add(DatasetId.of(project(relation.database()), relation.schema())));
        return tablesOf(new ArrayList<>(datasets), withDatabase);
    }

    private Map<String, RelationType> tablesOf(List<DatasetId> datasets, boolean withDatabase) {
        Map<String, RelationType> relations = new java.util.HashMap<>();
        if (datasets.isEmpty()) {
            return relations;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(LISTING_THREADS, datasets.size()), task -> {
            Thread thread = new Thread(task, "quarry-bigquery-list");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Map<String, RelationType>>> listings = new ArrayList<>();
            datasets.forEach(dataset -> listings.add(pool.submit(() -> tablesOf(dataset, withDatabase))));
            for (Future<Map<String, RelationType>> listing : listings) {
                relations.putAll(listing.get());
            }
            return relations;
        } catch (ExecutionException failure) {
            throw failure.getCause() instanceof RuntimeException runtime ? runtime
                    : new EngineException("cannot list BigQuery tables: " + failure.getCause(), failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while listing BigQuery tables", interrupted);
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, RelationType> tablesOf(DatasetId dataset, boolean withDatabase) {
        Map<String, RelationType> relations = new java.util.HashMap<>();
        return call("listing the tables of dataset " + dataset.getProject() + "." + dataset.getDataset(), () -> {
            try {
                for (Table table : client.listTables(dataset, TableListOption.pageSize(PAGE_SIZE)).iterateAll()) {
                    TableId id = table.getTableId();
                    relations.put(dialect.relation(withDatabase ? dataset.getProject() : null, dataset.getDataset(),
                            id.getTable()), type(table.getDefinition().getType()));
                }
            } catch (BigQueryException failure) {
                // A dataset dropped since it was listed, or one that does not exist yet, has no tables.
                if (failure.getCode() != 404) {
                    throw failure;
                }
            }
            return relations;
        });
    }

    /**
     * Creates the dataset in the target's location unless it exists. It is looked up first, so that a dataset
     * someone else created needs no {@code bigquery.datasets.create} permission; one created in between (409) is
     * fine.
     */
    void createSchemaIfMissing(String database, String schema) {
        DatasetId id = DatasetId.of(project(database), schema);
        String name = id.getProject() + "." + id.getDataset();
        if (call("looking up dataset " + name, () -> client.getDataset(id)) != null) {
            return;
        }
        DatasetInfo.Builder dataset = DatasetInfo.newBuilder(id);
        settings.location().ifPresent(dataset::setLocation);
        call("creating dataset " + name + " in " + failures.location(), () -> {
            try {
                return client.create(dataset.build());
            } catch (BigQueryException failure) {
                if (failure.getCode() == 409) {
                    return null;
                }
                throw failure;
            }
        });
    }

    private static RelationType type(TableDefinition.Type type) {
        return TableDefinition.Type.VIEW.equals(type) || TableDefinition.Type.MATERIALIZED_VIEW.equals(type)
                ? RelationType.VIEW : RelationType.TABLE;
    }

    private static String name(TableId id) {
        return id.getProject() + "." + id.getDataset() + "." + id.getTable();
    }

    private <T> T call(String action, Supplier<T> call) {
        try {
            return retrier.call(false, cancelled, call);
        } catch (BigQueryException failure) {
            throw failures.callFailed(action, failure);
        }
    }
}
