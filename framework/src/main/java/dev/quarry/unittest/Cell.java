package dev.quarry.unittest;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * One value normalized for comparing: two cells are equal when their values are. Numbers are kept as
 * {@link BigDecimal}s without trailing zeros (so 1, 1.00 and 1.0 are one number) and sort numerically; every other
 * value is its canonical text; null is only ever equal to null.
 *
 * @param key     the value compared: null, a BigDecimal or a String
 * @param display the value as the diff prints it
 */
record Cell(Object key, String display) {

    static final Cell NULL = new Cell(null, "null");

    /** Nulls last, numbers by value, everything else by its text; numbers before text. */
    static final Comparator<Cell> ORDER = Comparator.comparing(Cell::key, Comparator.nullsLast((left, right) -> {
        if (left instanceof BigDecimal leftNumber && right instanceof BigDecimal rightNumber) {
            return leftNumber.compareTo(rightNumber);
        }
        if (left instanceof BigDecimal != right instanceof BigDecimal) {
            return left instanceof BigDecimal ? -1 : 1;
        }
        return left.toString().compareTo(right.toString());
    }));

    /** Equal when the keys are: how a value prints does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Cell cell && java.util.Objects.equals(key, cell.key);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(key);
    }

    static Cell number(BigDecimal value) {
        BigDecimal normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return new Cell(normalized, normalized.toPlainString());
    }

    /** A canonical text that prints as it is (a date, a boolean, NaN). */
    static Cell canonical(String text) {
        return new Cell(text, text);
    }

    /**
     * Free text. It prints as it is unless that would hide something: empty, spaces at either end, a line break or
     * other control character, the word null, or a leading quote; then it prints quoted, with escapes.
     */
    static Cell text(String text) {
        return new Cell(text, needsQuotes(text) ? quoted(text) : text);
    }

    private static boolean needsQuotes(String text) {
        return text.isEmpty() || text.equalsIgnoreCase("null") || text.startsWith("'") || !text.equals(text.strip())
                || text.chars().anyMatch(Character::isISOControl);
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("'");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\'' -> quoted.append("\\'");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(Character.isISOControl(character)
                        ? String.format("\\u%04x", (int) character) : String.valueOf(character));
            }
        }
        return quoted.append('\'').toString();
    }
}
