package dev.quarry.unittest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The types CSV text gets when nothing else says what its columns are, column by column (as seeds infer them), so
 * that every row of a column has one type and the engine need not reconcile {@code 1} with {@code 'a'}: a column
 * whose values are all numbers is numbers ({@code 42}, {@code -7}, {@code 1.50} with its scale), one whose values are
 * all {@code true}/{@code false} (in any case) is booleans, any other column is text, dates included. Numbers with a
 * leading zero ({@code 007}, {@code 02.5}) are text: they are codes that must keep their zeros. Nulls fit every type.
 */
final class CsvColumnTyping {

    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?");

    private CsvColumnTyping() {
    }

    /** The rows with each column's text converted to Long, BigDecimal or Boolean where the whole column fits. */
    static FixtureRows typed(FixtureRows rows) {
        Map<String, Function<String, Object>> conversions = new LinkedHashMap<>();
        for (String column : rows.columns()) {
            List<String> values = rows.rows().stream()
                    .map(row -> (String) FixtureRows.value(row, column))
                    .filter(Objects::nonNull)
                    .toList();
            conversions.put(column, conversion(values));
        }
        List<Map<String, Object>> typed = new ArrayList<>();
        for (Map<String, Object> row : rows.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            row.forEach((column, value) -> values.put(column,
                    value == null ? null : conversion(conversions, column).apply((String) value)));
            typed.add(values);
        }
        return new FixtureRows(rows.columns(), typed, false);
    }

    private static Function<String, Object> conversion(List<String> values) {
        if (!values.isEmpty() && values.stream().allMatch(NUMBER.asMatchPredicate())) {
            return CsvColumnTyping::number;
        }
        Predicate<String> isBoolean = value -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        if (!values.isEmpty() && values.stream().allMatch(isBoolean)) {
            return Boolean::valueOf;
        }
        return value -> value;
    }

    private static Function<String, Object> conversion(Map<String, Function<String, Object>> conversions,
            String column) {
        Function<String, Object> exact = conversions.get(column);
        if (exact != null) {
            return exact;
        }
        return conversions.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(value -> value);
    }

    /** A Long when the number is whole and fits one, else a BigDecimal (which keeps the scale written). */
    private static Object number(String text) {
        BigDecimal number = new BigDecimal(text);
        if (number.scale() > 0 || number.unscaledValue().bitLength() >= Long.SIZE) {
            return number;
        }
        return number.longValueExact();
    }
}
