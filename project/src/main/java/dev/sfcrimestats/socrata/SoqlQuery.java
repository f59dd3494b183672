package dev.sfcrimestats.socrata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SoQL parameters of one request ({@code $select}, {@code $where}, {@code $order}, {@code $limit}). Immutable;
 * each {@code with} returns a new query.
 */
record SoqlQuery(String select, String where, String order, long limit) {

    /** Every field including the system fields {@code :id}, {@code :created_at}, {@code :updated_at}. */
    static final String ALL_FIELDS = ":*,*";

    static SoqlQuery select(String select) {
        return new SoqlQuery(select, null, null, 0);
    }

    SoqlQuery where(String condition) {
        return new SoqlQuery(select, condition, order, limit);
    }

    /** Adds a condition with {@code AND}. */
    SoqlQuery and(String condition) {
        return where(where == null ? condition : where + " AND " + condition);
    }

    SoqlQuery orderBy(String orderBy) {
        return new SoqlQuery(select, where, orderBy, limit);
    }

    SoqlQuery limit(long rows) {
        return new SoqlQuery(select, where, order, rows);
    }

    /** The URL query string, encoded. */
    String encoded() {
        return parameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The parameters as a reader would write them, for messages. */
    @Override
    public String toString() {
        return parameters().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("$select", select);
        if (where != null) {
            parameters.put("$where", where);
        }
        if (order != null) {
            parameters.put("$order", order);
        }
        if (limit > 0) {
            parameters.put("$limit", Long.toString(limit));
        }
        return parameters;
    }

    /** A SoQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
