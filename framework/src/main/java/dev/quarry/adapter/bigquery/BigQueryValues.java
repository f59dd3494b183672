package dev.quarry.adapter.bigquery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;

import dev.quarry.adapter.ColumnInfo;

/**
 * BigQuery's values and types as Quarry sees them: INT64 as Long, FLOAT64 as Double, NUMERIC and BIGNUMERIC as
 * BigDecimal, BOOL as Boolean, STRING as String, DATE as LocalDate, DATETIME as LocalDateTime, TIMESTAMP as Instant,
 * TIME as LocalTime, BYTES as byte[], ARRAY as a List and STRUCT as a Map by field name; anything else (JSON,
 * GEOGRAPHY, INTERVAL, RANGE) as its text. Type names are GoogleSQL's, as DDL writes them
 * ({@code INT64}, {@code NUMERIC(10, 2)}, {@code ARRAY<STRING>}, {@code STRUCT<a INT64>}).
 */
final class BigQueryValues {

    private BigQueryValues() {
    }

    static List<ColumnInfo> columns(Schema schema) {
        if (schema == null) {
            return List.of();
        }
        return schema.getFields().stream().map(field -> new ColumnInfo(field.getName(), typeName(field))).toList();
    }

    /** The field's type as a column definition writes it, with ARRAY for a repeated field. */
    static String typeName(Field field) {
        String type = baseTypeName(field);
        return field.getMode() == Field.Mode.REPEATED ? "ARRAY<" + type + ">" : type;
    }

    private static String baseTypeName(Field field) {
        StandardSQLTypeName type = standardType(field);
        if (type == StandardSQLTypeName.STRUCT) {
            return "STRUCT<" + field.getSubFields().stream().map(sub -> sub.getName() + " " + typeName(sub))
                    .collect(Collectors.joining(", ")) + ">";
        }
        if (field.getPrecision() != null) {
            return type.name() + "(" + field.getPrecision() + (field.getScale() == null ? "" : ", " + field.getScale())
                    + ")";
        }
        if (field.getMaxLength() != null) {
            return type.name() + "(" + field.getMaxLength() + ")";
        }
        return type.name();
    }

    /** One row's values, converted by the schema's fields. */
    static List<Object> row(FieldList fields, FieldValueList values) {
        List<Object> row = new ArrayList<>(fields.size());
        for (int index = 0; index < fields.size(); index++) {
            row.add(value(fields.get(index), values.get(index)));
        }
        return row;
    }

    static Object value(Field field, FieldValue value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (field.getMode() == Field.Mode.REPEATED) {
            Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
            List<Object> elements = new ArrayList<>();
            value.getRepeatedValue().forEach(each -> elements.add(value(element, each)));
            return elements;
        }
        return switch (standardType(field)) {
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> value.getNumericValue();
            case BOOL -> value.getBooleanValue();
            case STRING, JSON, GEOGRAPHY, INTERVAL, RANGE -> value.getStringValue();
            case BYTES -> value.getBytesValue();
            case DATE -> LocalDate.parse(value.getStringValue());
            // DATETIME comes as 2024-02-29T13:45:01[.ffffff] from the API, with a space from some paths.
            case DATETIME -> LocalDateTime.parse(value.getStringValue().replace(' ', 'T'));
            case TIME -> LocalTime.parse(value.getStringValue());
            case TIMESTAMP -> value.getTimestampInstant();
            case STRUCT -> struct(field.getSubFields(), value.getRecordValue());
            case ARRAY -> value.getRepeatedValue().stream().map(FieldValue::getValue).toList();
        };
    }

    /**
     * The field's GoogleSQL type. The API writes legacy names ({@code INTEGER}, {@code RECORD}) or GoogleSQL's
     * ({@code INT64}, {@code STRUCT}); the client maps only the legacy ones. A type neither knows reads as text.
     */
    static StandardSQLTypeName standardType(Field field) {
        StandardSQLTypeName standard = field.getType().getStandardType();
        if (standard != null) {
            return standard;
        }
        try {
            return StandardSQLTypeName.valueOf(field.getType().name());
        } catch (IllegalArgumentException unknown) {
            return StandardSQLTypeName.STRING;
        }
    }

    private static Map<String, Object> struct(FieldList fields, FieldValueList values) {
        Map<String, Object> struct = new LinkedHashMap<>();
        for (int index = 0; index < fields.size(); index++) {
            struct.put(fields.get(index).getName(), value(fields.get(index), values.get(index)));
        }
        return struct;
    }
}
