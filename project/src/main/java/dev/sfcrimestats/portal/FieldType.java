package dev.sfcrimestats.portal;

/**
 * The Socrata type of a field, as far as the import cares: it decides how a portal export's text is turned back into
 * the text the JSON API gives for that field.
 */
public enum FieldType {

    /** Kept as it is ({@code incident_time} {@code 00:25}, {@code incident_code} {@code 03074}, {@code cnn}). */
    TEXT,
    /** A floating timestamp, {@code 2018-12-01T00:25:00.000} in the API. */
    CALENDAR_DATE,
    /** A number, kept as text ({@code 37.733...}), without thousands separators. */
    NUMBER,
    /** A checkbox: {@code true} or {@code false}. */
    CHECKBOX,
    /** A point: WKT {@code POINT (lon lat)}. */
    POINT;

    /**
     * The type the API gives a field of the SFPD incident dataset ({@code wg3w-h783}, see
     * {@code wg3w-h783_fields.tsv}); fields not listed there are text, computed regions are numbers.
     *
     * @param apiField an API field name such as {@code incident_date}
     */
    public static FieldType ofIncidentField(String apiField) {
        if (apiField.startsWith(":@computed_region_")) {
            return NUMBER;
        }
        return switch (apiField) {
            case "incident_datetime", "incident_date", "report_datetime" -> CALENDAR_DATE;
            case "supervisor_district", "supervisor_district_2012", "latitude", "longitude" -> NUMBER;
            case "filed_online" -> CHECKBOX;
            case "point" -> POINT;
            default -> TEXT;
        };
    }
}
