package dev.sfcrimestats.parquet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.quarry.ingest.DeclaredColumn;
import dev.quarry.ingest.IngestException;

/**
 * The columns of the landed files: the source's declared columns with their types, then the load's own columns.
 * Fields a row carries that no column takes are kept as JSON in {@code _extra}, so a field the source adds is never
 * dropped silently.
 */
public final class LandedSchema {

    /** The load's own columns, always last, in this order. */
    public static final List<LandedColumn> LOAD_COLUMNS = List.of(
            new LandedColumn("_extra", null, ColumnType.STRING),
            new LandedColumn("_socrata_id", ":id", ColumnType.STRING),
            new LandedColumn("_source_created_at", ":created_at", ColumnType.TIMESTAMP),
            new LandedColumn("_source_updated_at", ":updated_at", ColumnType.TIMESTAMP),
            new LandedColumn("_loaded_at", null, ColumnType.TIMESTAMP),
            new LandedColumn("_batch_id", null, ColumnType.STRING));

    private final List<LandedColumn> dataColumns;

    private LandedSchema(List<LandedColumn> dataColumns) {
        this.dataColumns = List.copyOf(dataColumns);
    }

    /**
     * The schema the YAML declares. Declared load columns ({@code _loaded_at}, ...) are documentation only; their type
     * is the load's.
     *
     * @throws IngestException when a column declares a type the loader cannot land, or none is declared
     */
    public static LandedSchema declared(List<DeclaredColumn> declared) throws IngestException {
        Set<String> loadNames = new LinkedHashSet<>();
        LOAD_COLUMNS.forEach(column -> loadNames.add(column.name()));
        List<LandedColumn> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DeclaredColumn column : declared) {
            if (loadNames.contains(column.name())) {
                continue;
            }
            ColumnType.fromDataType(column.dataType()).ifPresentOrElse(
                    type -> columns.add(new LandedColumn(column.name(), column.name(), type)),
                    () -> problems.add("column " + column.name() + " declares data_type '" + column.dataType()
                            + "', which the loader cannot land; use one of: " + ColumnType.accepted()));
        }
        if (!problems.isEmpty()) {
            throw new IngestException(String.join("\n", problems));
        }
        if (columns.isEmpty()) {
            throw new IngestException("the table declares no columns: list the source's fields under columns: "
                    + "(with data_type) so the loader knows what to land");
        }
        return new LandedSchema(columns);
    }

    /** The declared columns, in order. */
    public List<LandedColumn> dataColumns() {
        return dataColumns;
    }

    /** Every column of the landed files: the declared ones, then {@link #LOAD_COLUMNS}. */
    public List<LandedColumn> allColumns() {
        List<LandedColumn> all = new ArrayList<>(dataColumns);
        all.addAll(LOAD_COLUMNS);
        return all;
    }

    /** The source fields the columns read, system fields included. */
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        allColumns().stream().filter(column -> column.field() != null).forEach(column -> fields.add(column.field()));
        return fields;
    }

    /** {@code CREATE TABLE name (...)} for DuckDB. */
    String createTable(String table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        List<LandedColumn> all = allColumns();
        for (int index = 0; index < all.size(); index++) {
            sql.append(index == 0 ? "" : ", ").append('"').append(all.get(index).name()).append("\" ")
                    .append(all.get(index).type().duckDbType());
        }
        return sql.append(')').toString();
    }
}
