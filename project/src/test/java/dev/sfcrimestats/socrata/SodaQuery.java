package dev.sfcrimestats.socrata;

import java.util.Map;
import java.util.Set;

/**
 * The query parameters of one SODA 2.1 request, parsed and checked against the dataset's schema.
 *
 * @param order null when the request has no {@code $order}: the rows then come in an arbitrary order
 */
record SodaQuery(SoqlSelect select, SoqlWhere where, SoqlOrder order, long limit, long offset) {

    /** Socrata's default {@code $limit}. */
    static final long DEFAULT_LIMIT = 1000;

    private static final Set<String> SUPPORTED = Set.of("$select", "$where", "$order", "$limit", "$offset");

    /**
     * Parses the decoded query parameters. Parameters starting with {@code $$} (Socrata's request options such as
     * {@code $$app_token}) are ignored; other {@code $} parameters the fake does not support ({@code $group},
     * {@code $q}, {@code $query}...) are malformed; a plain {@code field=value} is an equality filter.
     */
    static SodaQuery parse(Map<String, String> params, Schema schema) {
        for (String name : params.keySet()) {
            if (name.startsWith("$") && !name.startsWith("$$") && !SUPPORTED.contains(name)) {
                throw SoqlException.malformed("The fake does not support " + name);
            }
        }
        SoqlSelect select = SoqlSelect.parse(params.get("$select"), schema);
        SoqlWhere where = SoqlWhere.parse(params.get("$where"), schema);
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getKey().startsWith("$")) {
                where = where.andEquals(param.getKey(), param.getValue(), schema);
            }
        }
        SoqlOrder order = SoqlOrder.parse(params.get("$order"), schema);
        long limit = count(params, "$limit", DEFAULT_LIMIT);
        long offset = count(params, "$offset", 0);
        return new SodaQuery(select, where, order, limit, offset);
    }

    private static long count(Map<String, String> params, String name, long otherwise) {
        String text = params.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw SoqlException.malformed(name + " must not be negative: " + text);
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw SoqlException.malformed(name + " must be a whole number: " + text);
        }
    }
}
