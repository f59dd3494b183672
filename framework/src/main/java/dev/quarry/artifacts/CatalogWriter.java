package dev.quarry.artifacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogColumn;
import dev.quarry.catalog.CatalogTable;

/**
 * Writes {@code target/catalog.json} in dbt's shape: {@code nodes} (models and seeds) and {@code sources} by unique
 * id, each with {@code metadata} ({@code type} table or view, database, schema, name) and {@code columns} by name
 * ({@code name}, 1-based {@code index}, engine {@code type}); {@code errors} names, by unique id, the nodes whose
 * relation does not exist, with why.
 */
public final class CatalogWriter {

    /** Bumped whenever the catalog's shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_URL = "https://quarry.dev/schemas/catalog/v" + SCHEMA_VERSION + ".json";

    /**
     * @param invocationId the invocation that read the catalog
     * @return the file written
     */
    public Path write(Catalog catalog, String invocationId, Path targetDir) throws IOException {
        return JsonArtifact.write(targetDir, "catalog.json", SCHEMA_URL, invocationId,
                metadata -> metadata.writeNumberField("schema_version", SCHEMA_VERSION), json -> {
                    tables(json, "nodes", catalog.nodes());
                    tables(json, "sources", catalog.sources());
                    json.writeFieldName("errors");
                    PlainJson.write(json, catalog.errors());
                });
    }

    private static void tables(JsonGenerator json, String field, Map<String, CatalogTable> tables)
            throws IOException {
        json.writeObjectFieldStart(field);
        for (CatalogTable table : tables.values()) {
            json.writeObjectFieldStart(table.uniqueId());
            json.writeStringField("unique_id", table.uniqueId());
            json.writeObjectFieldStart("metadata");
            json.writeStringField("type", switch (table.type()) {
                case TABLE -> "table";
                case VIEW -> "view";
            });
            json.writeStringField("database", table.database());
            json.writeStringField("schema", table.schema());
            json.writeStringField("name", table.name());
            json.writeEndObject();
            json.writeObjectFieldStart("columns");
            for (CatalogColumn column : table.columns()) {
                json.writeObjectFieldStart(column.name());
                json.writeStringField("name", column.name());
                json.writeNumberField("index", column.index());
                json.writeStringField("type", column.type());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
