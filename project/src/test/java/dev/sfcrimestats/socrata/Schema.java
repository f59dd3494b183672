package dev.sfcrimestats.socrata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's columns and their SODA 2 types, in dataset order, as the {@code X-SODA2-Fields} and
 * {@code X-SODA2-Types} headers report them. Immutable: adding a column gives a new schema.
 */
public final class Schema {

    /** A floating timestamp (no zone), e.g. {@code 2024-02-15T07:09:00.000}. */
    public static final String FLOATING_TIMESTAMP = "floating_timestamp";
    /** Text. */
    public static final String TEXT = "text";
    /** A number, written as a JSON string. */
    public static final String NUMBER = "number";
    /** A checkbox, written as a JSON boolean. */
    public static final String CHECKBOX = "checkbox";
    /** A GeoJSON point. */
    public static final String POINT = "point";
    /** What Socrata reports as the type of a system field. */
    public static final String META_DATA = "meta_data";

    private final Map<String, String> types;

    private Schema(Map<String, String> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** The columns of {@code wg3w-h783}, the SFPD incident reports, with the computed region the fixtures carry. */
    public static Schema sfpd() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String field : List.of("incident_datetime", "incident_date")) {
            types.put(field, FLOATING_TIMESTAMP);
        }
        for (String field : List.of("incident_time", "incident_year", "incident_day_of_week")) {
            types.put(field, TEXT);
        }
        types.put("report_datetime", FLOATING_TIMESTAMP);
        for (String field : List.of("row_id", "incident_id", "incident_number", "cad_number", "report_type_code",
                "report_type_description")) {
            types.put(field, TEXT);
        }
        types.put("filed_online", CHECKBOX);
        for (String field : List.of("incident_code", "incident_category", "incident_subcategory",
                "incident_description", "resolution", "intersection", "cnn", "police_district",
                "analysis_neighborhood")) {
            types.put(field, TEXT);
        }
        for (String field : List.of("supervisor_district", "supervisor_district_2012", "latitude", "longitude")) {
            types.put(field, NUMBER);
        }
        types.put("point", POINT);
        types.put(SfpdRows.NEIGHBORHOOD_REGION, NUMBER);
        return new Schema(types);
    }

    /** This schema with one more column at the end, or this schema when it already has the column. */
    public Schema with(String field, String type) {
        if (types.containsKey(field) || SystemFields.isSystem(field)) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(types);
        more.put(field, type);
        return new Schema(more);
    }

    /** The dataset's columns in order, without the system fields. */
    public List<String> fields() {
        return new ArrayList<>(types.keySet());
    }

    /** Whether a field can be queried: a column or a system field. */
    public boolean has(String field) {
        return types.containsKey(field) || SystemFields.isSystem(field);
    }

    /** A field's SODA 2 type; system fields are {@link #META_DATA}. */
    public String typeOf(String field) {
        if (SystemFields.isSystem(field)) {
            return META_DATA;
        }
        String type = types.get(field);
        if (type == null) {
            throw new IllegalArgumentException("no column " + field);
        }
        return type;
    }

    /** The type a value written into a row implies, for columns a test adds by putting rows that carry them. */
    static String typeOfValue(Object value) {
        if (value instanceof Boolean) {
            return CHECKBOX;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof Map) {
            return POINT;
        }
        return TEXT;
    }
}
