package dev.quarry.bigquery.analysis;

import java.util.stream.Collectors;

import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLOptions.ProductMode;

/** A column of a table in the catalog, or of a statement's output: its name and its BigQuery type. */
public record TypedColumn(String name, Type type) {

    /** BigQuery's name of the type ({@code INT64}, {@code ARRAY<STRUCT<a INT64>>}). */
    public String typeName() {
        return typeName(type);
    }

    @Override
    public String toString() {
        return name + " " + typeName();
    }

    /** ZetaSQL's {@code Type.toString} fails on structs in the Java client: arrays and structs are spelled here. */
    static String typeName(Type type) {
        if (type.isArray()) {
            return "ARRAY<" + typeName(type.asArray().getElementType()) + ">";
        }
        if (type.isStruct()) {
            return type.asStruct().getFieldList().stream()
                    .map(field -> (field.getName().isEmpty() ? "" : field.getName() + " ") + typeName(field.getType()))
                    .collect(Collectors.joining(", ", "STRUCT<", ">"));
        }
        return type.typeName(ProductMode.PRODUCT_EXTERNAL);
    }
}
