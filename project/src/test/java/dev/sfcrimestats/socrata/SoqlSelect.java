package dev.sfcrimestats.socrata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code $select}: either a projection ({@code *} for the columns, {@code :*} for the system fields, or field
 * names, in any comma-separated mix such as {@code :*,*} or {@code :id,row_id}) or only aggregates
 * ({@code count(*)}, {@code max(field)}, {@code min(field)}, each with an optional {@code AS alias}), which answer
 * one row. Mixing the two would need {@code $group}, which the fake does not support.
 */
final class SoqlSelect {

    /** One aggregate of an aggregate select. */
    record Aggregate(String function, String field, String alias) {
    }

    private static final Pattern AGGREGATE = Pattern.compile("(?i)\\s*(count|max|min)\\s*\\(\\s*"
            + "(\\*|:?@?[A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*(?:as\\s+([A-Za-z_][A-Za-z0-9_]*))?\\s*");
    private static final Pattern NAME = Pattern.compile(":?@?[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> fields;
    private final List<Aggregate> aggregates;
    private final List<String> types;

    private SoqlSelect(List<String> fields, List<Aggregate> aggregates, List<String> types) {
        this.fields = List.copyOf(fields);
        this.aggregates = List.copyOf(aggregates);
        this.types = List.copyOf(types);
    }

    /** Parses a {@code $select}; null or blank means {@code *}, Socrata's default (no system fields). */
    static SoqlSelect parse(String text, Schema schema) {
        String[] items = (text == null || text.isBlank() ? "*" : text).split(",");
        List<Aggregate> aggregates = new ArrayList<>();
        for (String item : items) {
            Matcher matcher = AGGREGATE.matcher(item);
            if (matcher.matches()) {
                aggregates.add(aggregate(matcher, schema));
            }
        }
        if (!aggregates.isEmpty()) {
            if (aggregates.size() != items.length) {
                throw SoqlException.malformed("Aggregates and plain fields in one $select need $group, which the "
                        + "fake does not support: " + text);
            }
            List<String> aliases = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (Aggregate aggregate : aggregates) {
                aliases.add(aggregate.alias());
                types.add(aggregate.function().equals("count") ? Schema.NUMBER : schema.typeOf(aggregate.field()));
            }
            return new SoqlSelect(aliases, aggregates, types);
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String item : items) {
            String name = item.trim();
            if (name.equals("*")) {
                fields.addAll(schema.fields());
            } else if (name.equals(":*")) {
                fields.addAll(SystemFields.ALL);
            } else if (NAME.matcher(name).matches()) {
                SoqlException.requireColumn(schema, name);
                fields.add(name);
            } else {
                throw SoqlException.malformed("Unsupported $select item '" + name + "' (the fake understands *, :*, "
                        + "field names, and count/max/min aggregates)");
            }
        }
        List<String> types = fields.stream().map(schema::typeOf).toList();
        return new SoqlSelect(new ArrayList<>(fields), List.of(), types);
    }

    private static Aggregate aggregate(Matcher matcher, Schema schema) {
        String function = matcher.group(1).toLowerCase(Locale.ROOT);
        String field = matcher.group(2);
        if (field.equals("*") != function.equals("count")) {
            throw SoqlException.malformed("The fake supports count(*), max(field) and min(field), not "
                    + matcher.group().trim());
        }
        if (!field.equals("*")) {
            SoqlException.requireColumn(schema, field);
        }
        String alias = matcher.group(3) != null ? matcher.group(3)
                : field.equals("*") ? function : function + "_" + field.replace(":", "").replace("@", "");
        return new Aggregate(function, field, alias);
    }

    /** Whether this select answers one row of aggregates instead of rows. */
    boolean isAggregate() {
        return !aggregates.isEmpty();
    }

    /** The aggregates, empty for a projection. */
    List<Aggregate> aggregates() {
        return aggregates;
    }

    /** The output fields in order (aliases for aggregates), as {@code X-SODA2-Fields} lists them. */
    List<String> fields() {
        return fields;
    }

    /** The SODA 2 types of {@link #fields()}, as {@code X-SODA2-Types} lists them. */
    List<String> types() {
        return types;
    }

    /** The selected fields of a row, in select order; absent (null) fields stay absent. */
    Map<String, Object> project(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = row.get(field);
            if (value != null) {
                out.put(field, value);
            }
        }
        return out;
    }
}
